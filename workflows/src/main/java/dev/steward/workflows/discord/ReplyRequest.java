package dev.steward.workflows.discord;

import dev.steward.workflows.message.InteractionRef;

/**
 * A reply to a member's message.
 *
 * @param nonceSeed   stable per send (workflow id and step); the activity derives Discord nonces from it
 * @param interaction for /ask: the answer replaces the interaction's deferred response instead
 * @param sandbox     the message came from the sandbox API: the reply is recorded there, never sent to Discord
 *                    (false in histories from before the field, which had no sandbox besides the shared one)
 */
public record ReplyRequest(String guildId, String channelId, String replyToMessageId, String content,
                           String nonceSeed, InteractionRef interaction, boolean sandbox) {
}
