package dev.steward.workers.answer;

import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.steward.core.conversation.ConversationStore;
import dev.steward.core.conversation.StoredTurn;
import dev.steward.workflows.answer.Answer;
import dev.steward.workflows.answer.AnswerActivities;
import dev.steward.workflows.answer.AnswerRequest;
import io.temporal.failure.ApplicationFailure;
import org.springframework.stereotype.Component;

import java.net.ConnectException;
import java.util.List;

@Component
class AnswerActivitiesImpl implements AnswerActivities {
    private final ChatModel model;
    private final ConversationStore conversations;
    private final AiProperties ai;

    AnswerActivitiesImpl(ChatModel model, ConversationStore conversations, AiProperties ai) {
        this.model = model;
        this.conversations = conversations;
        this.ai = ai;
    }

    @Override
    public Answer generate(AnswerRequest request) {
        List<StoredTurn> history = conversations.recentTurns(request.conversation(), request.currentTurnKey(),
                ai.historyTurns());
        String text;
        try {
            text = model.chat(AnswerPrompt.build(history, request.authorName(), request.question(),
                    ai.maxMessageChars())).aiMessage().text();
        } catch (NonRetriableException badRequest) {
            // A wrong model name or a rejected request does not heal by retrying: fail now, fall back.
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    "Model refused the request: " + badRequest.getMessage(), "ModelRequestRejected", badRequest);
        } catch (RuntimeException failure) {
            if (ai.failFastWhenUnreachable() && causedBy(failure, ConnectException.class)) {
                throw ApplicationFailure.newNonRetryableFailureWithCause(
                        "Nothing listens at " + ai.baseUrl(), "ModelUnreachable", failure);
            }
            throw failure;
        }
        if (text == null || text.isBlank()) {
            throw new IllegalStateException("Model returned an empty answer");
        }
        return new Answer(text.strip());
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
