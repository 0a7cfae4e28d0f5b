package dev.steward.workflows.moderation;

/**
 * One moderation action on Discord. The reason goes to Discord's audit log; a warning's nonce is derived
 * from {@code nonceSeed} so a retried warning posts once.
 *
 * @param sandbox the message came from the sandbox API: the action is recorded there, never taken on Discord
 */
public record ModerationActionRequest(String guildId, String channelId, String messageId, String userId,
                                      String reason, int timeoutMinutes, String nonceSeed, boolean sandbox) {
}
