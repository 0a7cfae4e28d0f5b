package dev.steward.workflows.answer;

import dev.steward.workflows.conversation.ConversationKey;

/**
 * @param currentTurnKey the member turn being answered, left out of the history the model sees
 */
public record AnswerRequest(long accountId, ConversationKey conversation, String currentTurnKey,
                            String authorName, String question) {
}
