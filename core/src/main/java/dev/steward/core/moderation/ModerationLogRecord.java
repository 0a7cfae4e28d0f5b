package dev.steward.core.moderation;

import java.time.Instant;

/** One stored moderation log entry. {@code outcome} is DONE or FAILED (then {@code failure} says why). */
public record ModerationLogRecord(long id, String guildId, String channelId, String authorId, String authorName,
                                  String messageId, String content, String rule, String action, String reason,
                                  double confidence, String source, String outcome, String failure,
                                  boolean falsePositive, String falsePositiveBy, Instant falsePositiveAt,
                                  Instant createdAt) {
}
