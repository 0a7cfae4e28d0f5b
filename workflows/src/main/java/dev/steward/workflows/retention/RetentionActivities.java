package dev.steward.workflows.retention;

import io.temporal.activity.ActivityInterface;

@ActivityInterface(namePrefix = "Retention")
public interface RetentionActivities {
    /** Removes message contents older than each account's retention; safe to repeat (it only deletes). */
    PurgeOutcome purgeExpired(long nowMillis);
}
