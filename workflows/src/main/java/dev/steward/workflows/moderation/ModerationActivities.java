package dev.steward.workflows.moderation;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface ModerationActivities {
    /** The first release's single step; kept so that executions started then still replay. */
    ModerationVerdict moderate(ModerationRequest request);

    /** Settings, exemptions and fast filters: free and instant. */
    ModerationPlan plan(ModerationRequest request);

    /** The AI verdict against the guild's rules, turned into a decision. Invalid model output: no action. */
    ModerationDecision judge(ModerationRequest request);

    /** Stores a moderation log entry (once per message and action) and the guild's permission health. */
    void log(ModerationLogEntry entry);
}
