package dev.steward.workers.answer;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The model, called under the activity attempt's heartbeat ({@link AttemptHeartbeat}): the one the activity
 * opened for its whole attempt, or else one of its own for the call. A call is abandoned once the server gives
 * up on the attempt. Outside an activity (a test calling an activity implementation directly) it is the plain
 * model.
 */
final class HeartbeatingChatModel implements ChatModel {
    private final ChatModel model;
    private final Duration interval;

    HeartbeatingChatModel(ChatModel model, Duration interval) {
        this.model = model;
        this.interval = interval;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        Supplier<ChatResponse> call = () -> model.chat(request, options);
        AttemptHeartbeat opened = AttemptHeartbeat.current();
        if (opened != null) {
            return opened.abandonable(call);
        }
        try (AttemptHeartbeat own = AttemptHeartbeat.open(interval)) {
            return own == null ? call.get() : own.abandonable(call);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return model.defaultRequestParameters();
    }

    @Override
    public List<ChatModelListener> listeners() {
        return model.listeners();
    }

    @Override
    public ModelProvider provider() {
        return model.provider();
    }

    @Override
    public Set<Capability> supportedCapabilities() {
        return model.supportedCapabilities();
    }
}
