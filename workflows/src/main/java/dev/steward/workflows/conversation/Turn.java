package dev.steward.workflows.conversation;

/**
 * One turn of a conversation.
 *
 * @param turnKey idempotency key (workflow id plus role), so a retried recording stores one row
 */
public record Turn(long accountId, ConversationKey conversation, TurnRole role, String turnKey,
                   String authorName, String content, long atMillis) {
}
