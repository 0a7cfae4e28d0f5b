package dev.steward.workflows.escalation;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface EscalationActivities {
    /** Flags the conversation and emails the account at most once per conversation per cool-down. */
    EscalationResult escalate(EscalationRequest request);
}
