package dev.steward.workflows.proactive;

/** POSTED with the Discord message id, SKIPPED or FAILED with the reason. */
public record PostOutcome(Status status, String reason, String messageId) {
    public enum Status { POSTED, SKIPPED, FAILED }

    public static PostOutcome skipped(String reason) {
        return new PostOutcome(Status.SKIPPED, reason, null);
    }
}
