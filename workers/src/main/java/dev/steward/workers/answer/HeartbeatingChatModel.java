package dev.steward.workers.answer;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.ChatRequestOptions;
import dev.langchain4j.model.chat.listener.ChatModelListener;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.ActivityWorkerShutdownException;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Heartbeats the calling activity while the model works, so a worker that dies mid-call is noticed within
 * the activity's heartbeat timeout instead of its much longer start-to-close timeout. When a heartbeat is
 * refused (the attempt was cancelled, or timed out and the server forgot it) the call is abandoned by interrupting it, which frees the
 * worker's slot and stops waiting on a model whose answer nobody would take. Outside an activity (a test
 * calling an activity implementation directly) it is the plain model.
 */
final class HeartbeatingChatModel implements ChatModel {
    /** Two threads: a heartbeat is a blocking call, and one slow call must not hold up every other activity's. */
    private static final ScheduledExecutorService HEARTBEATS = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "model-heartbeats");
        thread.setDaemon(true);
        return thread;
    });

    private final ChatModel model;
    private final Duration interval;

    HeartbeatingChatModel(ChatModel model, Duration interval) {
        this.model = model;
        this.interval = interval;
    }

    @Override
    public ChatResponse chat(ChatRequest request, ChatRequestOptions options) {
        ActivityExecutionContext activity = currentActivity();
        if (activity == null) {
            return model.chat(request, options);
        }
        Call call = new Call(Thread.currentThread());
        ScheduledFuture<?> beating = HEARTBEATS.scheduleAtFixedRate(() -> beat(activity, call),
                0, interval.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return model.chat(request, options);
        } finally {
            beating.cancel(false);
            call.end();
        }
    }

    private static void beat(ActivityExecutionContext activity, Call call) {
        try {
            activity.heartbeat(null);
        } catch (ActivityWorkerShutdownException stopping) {
            // A graceful shutdown: the attempt may still finish in time, and the SDK interrupts it if not.
        } catch (ActivityCompletionException gone) {
            // Cancelled, paused, reset, or timed out and forgotten: the server has given up on this attempt (it may
            // already run on another worker) and will discard its result, so the model need not finish it.
            call.abandon();
        } catch (RuntimeException e) {
            // A failed heartbeat must not stop the schedule: the next one may get through.
        }
    }

    /** The calling activity thread, interrupted at most once and only while the model call runs. */
    private static final class Call {
        private final Thread caller;
        private boolean ended;
        private boolean interrupted;

        Call(Thread caller) {
            this.caller = caller;
        }

        synchronized void abandon() {
            if (!ended && !interrupted) {
                interrupted = true;
                caller.interrupt(); // the HTTP client gives up waiting; the activity attempt fails
            }
        }

        /** Called by the caller itself: clears an interrupt of ours so it cannot hit the activity's next step. */
        synchronized void end() {
            ended = true;
            if (interrupted) {
                Thread.interrupted();
            }
        }
    }

    private static ActivityExecutionContext currentActivity() {
        try {
            ActivityExecutionContext context = Activity.getExecutionContext();
            return context.getInfo().isLocal() ? null : context;
        } catch (IllegalStateException notInAnActivity) {
            return null;
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
