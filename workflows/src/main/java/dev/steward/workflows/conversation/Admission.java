package dev.steward.workflows.conversation;

/** The conversation's answer to "may the AI answer this member now?". */
public record Admission(boolean aiMayAnswer, ConversationMode mode, String agent) {

    public static Admission ai() {
        return new Admission(true, ConversationMode.AI, null);
    }
}
