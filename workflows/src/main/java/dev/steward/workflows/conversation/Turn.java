package dev.steward.workflows.conversation;

import dev.steward.workflows.Texts;

/**
 * One turn of a conversation.
 *
 * @param turnKey idempotency key (workflow id plus role), so a retried recording stores one row
 * @param sandbox the turn belongs to a message sent through the sandbox API (a member's, or the reply to one):
 *                an agent's reply after it stays in the sandbox (false in histories from before the field)
 */
public record Turn(long accountId, ConversationKey conversation, TurnRole role, String turnKey,
                   String authorName, String content, long atMillis, boolean sandbox) {

    public Turn {
        authorName = Texts.clean(authorName);
        content = Texts.clean(content);
    }
}
