package dev.steward.workflows.moderation;

/**
 * One moderation action on Discord. The reason goes to Discord's audit log; a warning's nonce is derived
 * from {@code nonceSeed} so a retried warning posts once.
 */
public record ModerationActionRequest(String guildId, String channelId, String messageId, String userId,
                                      String reason, int timeoutMinutes, String nonceSeed) {
}
