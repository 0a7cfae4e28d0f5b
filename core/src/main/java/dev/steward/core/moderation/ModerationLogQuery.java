package dev.steward.core.moderation;

import java.time.Instant;

/** Filters of the moderation log listing; null means any. {@code before} is the cursor: entries older than it. */
public record ModerationLogQuery(String guildId, String action, String authorId, String channelId, Instant from,
                                 Instant to, Long before, int limit) {
}
