package dev.steward.workflows.proactive;

/** What a run did, for the guild's post history; keyed by the run, so a retried write stores one row. */
public record PostRecord(String guildId, String runKey, PostOutcome outcome, String channelName, String topic,
                         String content, long atMillis) {
}
