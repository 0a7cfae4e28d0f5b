package dev.steward.workflows.discord;

/**
 * A reply to a member's message.
 *
 * @param nonceSeed stable per send (workflow id and step); the activity derives Discord nonces from it
 */
public record ReplyRequest(String guildId, String channelId, String replyToMessageId, String content,
                           String nonceSeed) {
}
