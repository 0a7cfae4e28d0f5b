package dev.steward.workflows;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;

/** Why an activity failed for good, in words fit for a log entry or a status the API shows. */
public final class ActivityFailures {
    private ActivityFailures() {
    }

    public static String reason(ActivityFailure failure) {
        Throwable cause = failure.getCause();
        if (cause instanceof ApplicationFailure application) {
            return application.getOriginalMessage();
        }
        return cause == null ? failure.getMessage() : cause.getMessage();
    }
}
