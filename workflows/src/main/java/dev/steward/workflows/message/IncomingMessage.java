package dev.steward.workflows.message;

/**
 * A member's message as the gateway (or sandbox) saw it: the single input of {@link MessageWorkflow}.
 * Snowflakes stay strings so that no layer has to care about their numeric range.
 *
 * @param mentionsBot     the message mentions the bot user
 * @param replyToBot      the message is a reply to one of the bot's messages
 * @param attachmentCount attachments carried by the message; content may be empty when only these came
 */
public record IncomingMessage(
        MessageSource source,
        String guildId,
        String channelId,
        String messageId,
        String authorId,
        String authorName,
        boolean authorIsBot,
        String content,
        boolean mentionsBot,
        boolean replyToBot,
        int attachmentCount) {

    public IncomingMessage {
        content = content == null ? "" : content;
    }
}
