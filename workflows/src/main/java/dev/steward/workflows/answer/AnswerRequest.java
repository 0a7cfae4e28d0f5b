package dev.steward.workflows.answer;

import dev.steward.workflows.conversation.ConversationKey;

/**
 * @param currentTurnKey   the member turn being answered, left out of the history the model sees
 * @param maySkip          smart mode: the model may decide the message needs no answer
 * @param channelAwareness the model also sees the recent conversation of the whole channel
 */
public record AnswerRequest(long accountId, ConversationKey conversation, String currentTurnKey,
                            String authorName, String question, boolean maySkip, boolean channelAwareness) {

    public AnswerRequest(long accountId, ConversationKey conversation, String currentTurnKey, String authorName,
                         String question) {
        this(accountId, conversation, currentTurnKey, authorName, question, false, false);
    }
}
