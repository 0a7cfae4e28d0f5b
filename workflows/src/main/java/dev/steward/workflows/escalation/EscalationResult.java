package dev.steward.workflows.escalation;

/**
 * @param notified         this escalation told the team (email, or a logged notice when there is no SMTP)
 * @param alreadyNotified  the team was told about this conversation within the cool-down, so no new email
 */
public record EscalationResult(boolean notified, boolean alreadyNotified) {
}
