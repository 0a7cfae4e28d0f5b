package dev.steward.workers.answer;

import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.steward.core.conversation.ConversationStore;
import dev.steward.core.conversation.StoredTurn;
import dev.steward.workers.knowledge.Passage;
import dev.steward.workers.knowledge.Retriever;
import dev.steward.workflows.answer.Answer;
import dev.steward.workflows.answer.AnswerActivities;
import dev.steward.workflows.answer.AnswerRequest;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.TurnRole;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.net.ConnectException;
import java.util.List;
import java.util.Optional;

/**
 * Answers from the knowledge base. Nothing relevant found: the bot says so without calling the model (smart
 * mode simply skips). Otherwise one model call drafts the answer and, in smart mode, decides whether to
 * answer at all.
 */
@Component
class AnswerActivitiesImpl implements AnswerActivities {
    static final String NO_KNOWLEDGE_REPLY = "I don't know that one: it isn't in my knowledge base. "
            + "Ask for a human and someone from the team will help.";
    private static final Logger log = LoggerFactory.getLogger(AnswerActivitiesImpl.class);

    private final ChatModel model;
    private final ConversationStore conversations;
    private final Retriever retriever;
    private final AiProperties ai;

    AnswerActivitiesImpl(ChatModel model, ConversationStore conversations, Retriever retriever, AiProperties ai) {
        this.model = model;
        this.conversations = conversations;
        this.retriever = retriever;
        this.ai = ai;
    }

    @Override
    public Answer generate(AnswerRequest request) {
        // Beats from the start: reading the conversation and retrieval come before the model call.
        try (AttemptHeartbeat ignored = AttemptHeartbeat.open(ai.heartbeatInterval())) {
            return generateWithinAttempt(request);
        }
    }

    private Answer generateWithinAttempt(AnswerRequest request) {
        Answer answer = answer(request);
        if (!HumanRequest.asked(request.question())) {
            return answer;
        }
        // Asking for a person deserves a reply even when there is nothing else to say: the escalation notice.
        if (answer.skip() || answer.text().equals(NO_KNOWLEDGE_REPLY)) {
            return new Answer("", false, answer.withoutModel(), true);
        }
        return answer.withWantsHuman(true);
    }

    private Answer answer(AnswerRequest request) {
        ConversationKey key = request.conversation();
        List<StoredTurn> history = HistoryBudget.fit(conversations.recentTurns(key, request.currentTurnKey(),
                ai.historyTurns()), ai.historyChars());
        List<Passage> passages = retriever.relevant(request.accountId(), retrievalQuery(request.question(), history),
                ai.topPassages());
        if (passages.isEmpty()) {
            return request.maySkip() ? Answer.skippedWithoutModel() : Answer.withoutModel(NO_KNOWLEDGE_REPLY);
        }
        List<StoredTurn> channel = request.channelAwareness()
                ? conversations.recentChannelTurns(key.guildId(), key.channelId(), request.currentTurnKey(), ai.historyTurns())
                : List.of();
        Optional<String> output = ask(new AnswerPrompt.Context(passages, channel, history), request);
        return output.map(text -> toAnswer(text, passages, request.maySkip()))
                .orElseGet(() -> Answer.withoutModel(Excerpt.of(passages.get(0))));
    }

    /** The model's raw output, or empty when it is unreachable and local mode wants the excerpt at once. */
    private Optional<String> ask(AnswerPrompt.Context context, AnswerRequest request) {
        try {
            return Optional.ofNullable(model.chat(ChatRequest.builder()
                    .messages(AnswerPrompt.build(context, request.authorName(), request.question(), request.maySkip(),
                            ai.maxMessageChars()))
                    .responseFormat(ResponseFormat.JSON)
                    .build()).aiMessage().text());
        } catch (NonRetriableException badRequest) {
            // A wrong model name or a rejected request does not heal by retrying: fail now, fall back.
            throw ApplicationFailure.newNonRetryableFailureWithCause(
                    "Model refused the request: " + badRequest.getMessage(), "ModelRequestRejected", badRequest);
        } catch (RuntimeException failure) {
            if (ai.failFastWhenUnreachable() && causedBy(failure, ConnectException.class)) {
                log.info("Model unreachable at {}; answering with a knowledge excerpt", ai.baseUrl());
                return Optional.empty();
            }
            throw failure;
        }
    }

    private static Answer toAnswer(String output, List<Passage> passages, boolean maySkip) {
        Optional<ModelVerdict> verdict = ModelVerdict.parse(output == null ? "" : output);
        if (verdict.isEmpty()) {
            if (maySkip || output == null || output.isBlank()) {
                log.warn("Model output is not the requested JSON; {}", maySkip ? "skipping (smart mode)" : "empty");
                if (maySkip) {
                    return Answer.skipped();
                }
                throw new IllegalStateException("Model returned an empty answer");
            }
            return new Answer(output.strip());
        }
        if (verdict.get().skip()) {
            return maySkip && !verdict.get().human() ? Answer.skipped()
                    : new Answer(NO_KNOWLEDGE_REPLY).withWantsHuman(verdict.get().human());
        }
        return new Answer(verdict.get().answer() + Sources.line(verdict.get().sources(), passages))
                .withWantsHuman(verdict.get().human());
    }

    /** A short follow-up ("and for annual plans?") is searched together with the member's previous question. */
    private static String retrievalQuery(String question, List<StoredTurn> history) {
        if (question.length() >= 60) {
            return question;
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            if (history.get(i).role() == TurnRole.MEMBER) {
                return history.get(i).content() + "\n" + question;
            }
        }
        return question;
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
