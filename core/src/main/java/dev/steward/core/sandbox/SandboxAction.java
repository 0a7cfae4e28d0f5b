package dev.steward.core.sandbox;

import java.time.Instant;

/** Something the bot did in sandbox Discord: a reply, a deletion, a warning... */
public record SandboxAction(long id, String guildId, String channelId, String action, String messageId,
                            String targetMessageId, String content, Instant createdAt) {
}
