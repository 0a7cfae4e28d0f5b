package dev.steward.workflows.message;

import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;

import java.time.Duration;

/**
 * Timeouts and retry policies of the activities a message workflow calls. Errors that retrying cannot
 * fix are thrown by the activities as non-retryable application failures.
 */
public final class MessageActivityOptions {
    private MessageActivityOptions() {
    }

    /** Silence after which a model call's worker counts as dead. */
    public static final Duration MODEL_HEARTBEAT = Duration.ofSeconds(15);

    /** Database reads and writes: retried until the database is back (a message is never lost). */
    public static final ActivityOptions STORAGE = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setScheduleToCloseTimeout(Duration.ofHours(1))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofMillis(200))
                    .setMaximumInterval(Duration.ofSeconds(30))
                    .build())
            .build();

    /**
     * The model: a bounded budget, after which the member gets a fallback reply instead of waiting.
     * Five attempts with backoff cover roughly half a minute of outage. The worker heartbeats while the model
     * works, so an attempt on a worker that died is retried elsewhere after {@link #MODEL_HEARTBEAT}.
     */
    public static final ActivityOptions MODEL = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(90))
            .setHeartbeatTimeout(MessageActivityOptions.MODEL_HEARTBEAT)
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(2))
                    .setBackoffCoefficient(2)
                    .setMaximumInterval(Duration.ofSeconds(16))
                    .setMaximumAttempts(5)
                    .build())
            .build();

    /** Discord REST: 429 and 5xx are retried (nonces keep sends single); other 4xx are not. */
    public static final ActivityOptions DISCORD = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setScheduleToCloseTimeout(Duration.ofMinutes(30))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setMaximumInterval(Duration.ofMinutes(1))
                    .build())
            .build();

    /** A quick database read in the worker itself (no task queue round trip), retried like {@link #STORAGE}. */
    public static final LocalActivityOptions LOCAL_STORAGE = LocalActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setScheduleToCloseTimeout(Duration.ofHours(1))
            .setRetryOptions(STORAGE.getRetryOptions())
            .build();

    /** Email: a few minutes of SMTP trouble are retried; after that the answer goes out without the notice. */
    public static final ActivityOptions NOTIFY = ActivityOptions.newBuilder()
            .setStartToCloseTimeout(Duration.ofSeconds(30))
            .setScheduleToCloseTimeout(Duration.ofMinutes(5))
            .setRetryOptions(RetryOptions.newBuilder()
                    .setInitialInterval(Duration.ofSeconds(1))
                    .setMaximumInterval(Duration.ofSeconds(30))
                    .build())
            .build();
}
