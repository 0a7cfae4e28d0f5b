package dev.steward.workflows.message;

import dev.steward.workflows.Texts;

import java.util.List;

/**
 * A member's message as the gateway (or sandbox) saw it: the single input of {@link MessageWorkflow}.
 * Snowflakes stay strings so that no layer has to care about their numeric range.
 *
 * @param mentionsBot     the message mentions the bot user
 * @param replyToBot      the message is a reply to one of the bot's messages
 * @param attachmentCount attachments carried by the message; content may be empty when only these came
 * @param memberRoleIds   the author's roles (for moderation exemptions)
 * @param mentionCount    users and roles the message mentions, plus one for @everyone or @here
 * @param interaction     for /ask: the interaction whose deferred response the answer replaces, else null
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
        int attachmentCount,
        List<String> memberRoleIds,
        int mentionCount,
        InteractionRef interaction) {

    public IncomingMessage {
        content = content == null ? "" : Texts.clean(content);
        authorName = Texts.clean(authorName);
        memberRoleIds = memberRoleIds == null ? List.of() : List.copyOf(memberRoleIds);
    }

    /** Everything the bot does about a sandbox message stays in the sandbox, whichever bot serves the guild. */
    public boolean fromSandbox() {
        return source == MessageSource.SANDBOX;
    }

    public IncomingMessage(MessageSource source, String guildId, String channelId, String messageId, String authorId,
                           String authorName, boolean authorIsBot, String content, boolean mentionsBot,
                           boolean replyToBot, int attachmentCount) {
        this(source, guildId, channelId, messageId, authorId, authorName, authorIsBot, content, mentionsBot, replyToBot,
                attachmentCount, List.of(), mentionsBot ? 1 : 0, null);
    }

    public IncomingMessage(MessageSource source, String guildId, String channelId, String messageId, String authorId,
                           String authorName, boolean authorIsBot, String content, boolean mentionsBot,
                           boolean replyToBot, int attachmentCount, List<String> memberRoleIds, int mentionCount) {
        this(source, guildId, channelId, messageId, authorId, authorName, authorIsBot, content, mentionsBot, replyToBot,
                attachmentCount, memberRoleIds, mentionCount, null);
    }
}
