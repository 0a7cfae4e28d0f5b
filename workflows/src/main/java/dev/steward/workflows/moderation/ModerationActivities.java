package dev.steward.workflows.moderation;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface ModerationActivities {
    ModerationVerdict moderate(ModerationRequest request);
}
