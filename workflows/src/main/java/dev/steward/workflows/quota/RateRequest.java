package dev.steward.workflows.quota;

/** May this member ask again now? Keyed by the message, so a retried check gives the same answer. */
public record RateRequest(String guildId, String userId, String messageKey, long atMillis) {
}
