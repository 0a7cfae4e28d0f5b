package dev.steward.workflows.quota;

/** Asks whether this message is the one that tells its channel, today, that the assistant is unavailable. */
public record UnavailableNoticeRequest(String guildId, String channelId, String messageKey, long atMillis) {
}
