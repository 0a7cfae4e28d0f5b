package dev.steward.workflows.conversation;

/** Who answers the member: the AI, or a human agent who took the conversation over. */
public enum ConversationMode {
    AI, HUMAN
}
