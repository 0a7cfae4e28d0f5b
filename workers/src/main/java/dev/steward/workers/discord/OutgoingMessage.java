package dev.steward.workers.discord;

/**
 * A message the bot posts. Every post pings no one; {@code nonce} makes a retried post a no-op at Discord.
 *
 * @param replyToMessageId the member's message this replies to, or null
 */
public record OutgoingMessage(String guildId, String channelId, String content, String replyToMessageId, String nonce) {
}
