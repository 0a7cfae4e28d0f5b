package dev.steward.workflows.conversation;

import dev.steward.workflows.Texts;

/**
 * One turn of a conversation.
 *
 * @param turnKey idempotency key (workflow id plus role), so a retried recording stores one row
 */
public record Turn(long accountId, ConversationKey conversation, TurnRole role, String turnKey,
                   String authorName, String content, long atMillis) {

    public Turn {
        authorName = Texts.clean(authorName);
        content = Texts.clean(content);
    }
}
