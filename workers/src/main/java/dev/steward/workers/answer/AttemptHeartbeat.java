package dev.steward.workers.answer;

import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.client.ActivityWorkerShutdownException;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Heartbeats the calling activity attempt from a background thread while it is open, so a worker that dies in
 * any step of the attempt (reading the conversation, retrieval, the model call) is noticed within the activity's
 * heartbeat timeout instead of its much longer start-to-close timeout. A refused heartbeat means the server gave
 * up on the attempt (cancelled, or timed out and forgotten; it may already run on another worker) and will
 * discard its result: from then on the model is not called, and a call under way is abandoned by interrupting
 * it, which frees the worker's slot. Only the model call is interrupted: a database call is left to finish.
 */
final class AttemptHeartbeat implements AutoCloseable {
    /** Two threads: a heartbeat is a blocking call, and one slow call must not hold up every other activity's. */
    private static final ScheduledExecutorService HEARTBEATS = Executors.newScheduledThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "model-heartbeats");
        thread.setDaemon(true);
        return thread;
    });
    private static final ThreadLocal<AttemptHeartbeat> CURRENT = new ThreadLocal<>();

    private final Thread caller = Thread.currentThread();
    private final ScheduledFuture<?> beating;
    private boolean refused;
    private boolean calling;
    private boolean interrupted;

    private AttemptHeartbeat(ActivityExecutionContext activity, Duration interval) {
        beating = HEARTBEATS.scheduleAtFixedRate(() -> beat(activity), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Starts beating for the calling thread's activity attempt; null outside an activity (a test calling an
     * implementation directly) or in a local one, which has no heartbeats.
     */
    static AttemptHeartbeat open(Duration interval) {
        ActivityExecutionContext activity = currentActivity();
        if (activity == null) {
            return null;
        }
        AttemptHeartbeat heartbeat = new AttemptHeartbeat(activity, interval);
        CURRENT.set(heartbeat);
        return heartbeat;
    }

    /** The heartbeat the calling thread opened, if it is open. */
    static AttemptHeartbeat current() {
        return CURRENT.get();
    }

    /** Runs the model call, abandoning it (or not starting it) once the server has given up on the attempt. */
    <T> T abandonable(Supplier<T> call) {
        synchronized (this) {
            if (refused) {
                throw new IllegalStateException("The server gave up on this attempt; not calling the model");
            }
            calling = true;
        }
        try {
            return call.get();
        } finally {
            synchronized (this) {
                calling = false;
                if (interrupted) {
                    interrupted = false;
                    Thread.interrupted(); // ours: it must not hit the activity's next step
                }
            }
        }
    }

    private void beat(ActivityExecutionContext activity) {
        try {
            activity.heartbeat(null);
        } catch (ActivityWorkerShutdownException stopping) {
            // A graceful shutdown: the attempt may still finish in time, and the SDK interrupts it if not.
        } catch (ActivityCompletionException gone) {
            refuse();
        } catch (RuntimeException e) {
            // A failed heartbeat must not stop the schedule: the next one may get through.
        }
    }

    private synchronized void refuse() {
        refused = true;
        if (calling && !interrupted) {
            interrupted = true;
            caller.interrupt(); // the HTTP client gives up waiting; the activity attempt fails
        }
    }

    @Override
    public void close() {
        beating.cancel(false);
        if (CURRENT.get() == this) {
            CURRENT.remove();
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
}
