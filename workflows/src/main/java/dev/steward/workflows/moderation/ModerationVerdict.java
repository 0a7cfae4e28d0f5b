package dev.steward.workflows.moderation;

public record ModerationVerdict(ModerationAction action, String reason) {

    public static ModerationVerdict noAction(String reason) {
        return new ModerationVerdict(ModerationAction.NONE, reason);
    }
}
