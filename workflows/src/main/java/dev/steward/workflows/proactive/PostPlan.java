package dev.steward.workflows.proactive;

/** What a run may do: skip (with the reason), or post to a channel (by name) of an account's guild. */
public record PostPlan(boolean skip, String reason, long accountId, String channelName) {
    public static PostPlan skip(String reason) {
        return new PostPlan(true, reason, 0, null);
    }
}
