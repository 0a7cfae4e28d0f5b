package dev.steward.workers.moderation;

import dev.steward.workflows.moderation.ModerationActivities;
import dev.steward.workflows.moderation.ModerationRequest;
import dev.steward.workflows.moderation.ModerationVerdict;
import org.springframework.stereotype.Component;

/**
 * The moderation step. No rules can be configured yet (filters and the AI verdict come with the
 * moderation feature), so every message passes; the step already sits where it will run.
 */
@Component
class ModerationActivitiesImpl implements ModerationActivities {
    @Override
    public ModerationVerdict moderate(ModerationRequest request) {
        return ModerationVerdict.noAction("no moderation rules configured");
    }
}
