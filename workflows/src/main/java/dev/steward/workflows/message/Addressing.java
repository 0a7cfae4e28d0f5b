package dev.steward.workflows.message;

import dev.steward.workflows.guild.GuildContext;

/** Whether a message asks for an answer under a guild's response mode and channel list. */
final class Addressing {
    private Addressing() {
    }

    static boolean isAddressed(GuildContext guild, IncomingMessage message) {
        if (!guild.allowedChannelIds().isEmpty() && !guild.allowedChannelIds().contains(message.channelId())) {
            return false;
        }
        if (message.source() == MessageSource.ASK) {
            return true;
        }
        return switch (guild.responseMode()) {
            case MENTION -> message.mentionsBot() || message.replyToBot();
            case ALL_MESSAGES -> true;
            case ASK_ONLY -> false;
        };
    }
}
