package dev.steward.workflows.moderation;

import io.temporal.activity.ActivityInterface;

/**
 * Each moderation action is its own activity, so each is retried, timed and logged on its own. Missing
 * permissions (Discord 403) fail without retries.
 */
@ActivityInterface
public interface ModerationActionActivities {
    void deleteMessage(ModerationActionRequest request);

    void warnMember(ModerationActionRequest request);

    void timeoutMember(ModerationActionRequest request);

    void kickMember(ModerationActionRequest request);

    void banMember(ModerationActionRequest request);
}
