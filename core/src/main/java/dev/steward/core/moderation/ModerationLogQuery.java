package dev.steward.core.moderation;

import java.time.Instant;

/**
 * Filters of the moderation log listing; null means any. {@code before} is the cursor: entries older than it.
 * Only the account's own entries: a guild's earlier account may have left some.
 */
public record ModerationLogQuery(long accountId, String guildId, String action, String authorId, String channelId, Instant from,
                                 Instant to, Long before, int limit) {
}
