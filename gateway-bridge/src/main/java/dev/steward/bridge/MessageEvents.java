package dev.steward.bridge;

import discord4j.common.util.Snowflake;
import discord4j.core.object.entity.Member;
import discord4j.core.object.entity.Message;
import discord4j.core.object.entity.User;
import dev.steward.workflows.message.IncomingMessage;
import dev.steward.workflows.message.MessageSource;

import java.util.List;
import java.util.Optional;

/**
 * Maps a gateway MESSAGE_CREATE to the workflow's input, or to nothing for what Steward never handles:
 * direct messages, bots (including itself, so two bots can never loop), webhooks and system messages.
 */
final class MessageEvents {
    private MessageEvents() {
    }

    static Optional<IncomingMessage> toIncoming(Message message, Optional<Member> member, Snowflake self) {
        Optional<User> author = message.getAuthor();
        if (message.getGuildId().isEmpty() || author.isEmpty() || author.get().isBot()
                || message.getWebhookId().isPresent() || !isMemberMessage(message.getType())) {
            return Optional.empty();
        }
        User user = author.get();
        boolean replyToBot = message.getReferencedMessage()
                .flatMap(Message::getAuthor).map(u -> u.getId().equals(self)).orElse(false);
        return Optional.of(new IncomingMessage(MessageSource.GATEWAY, message.getGuildId().get().asString(),
                message.getChannelId().asString(), message.getId().asString(), user.getId().asString(),
                user.getGlobalName().orElse(user.getUsername()), false, message.getContent(),
                message.getUserMentionIds().contains(self), replyToBot, message.getAttachments().size(),
                member.map(m -> m.getRoleIds().stream().map(Snowflake::asString).toList()).orElse(List.of()),
                message.getUserMentionIds().size() + message.getRoleMentionIds().size()
                        + (message.mentionsEveryone() ? 1 : 0)));
    }

    private static boolean isMemberMessage(Message.Type type) {
        return type == Message.Type.DEFAULT || type == Message.Type.REPLY;
    }
}
