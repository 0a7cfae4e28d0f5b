package dev.steward.workflows.discord;

import dev.steward.workflows.message.InteractionRef;

/**
 * A reply to a member's message.
 *
 * @param nonceSeed   stable per send (workflow id and step); the activity derives Discord nonces from it
 * @param interaction for /ask: the answer replaces the interaction's deferred response instead
 */
public record ReplyRequest(String guildId, String channelId, String replyToMessageId, String content,
                           String nonceSeed, InteractionRef interaction) {

    public ReplyRequest(String guildId, String channelId, String replyToMessageId, String content, String nonceSeed) {
        this(guildId, channelId, replyToMessageId, content, nonceSeed, null);
    }
}
