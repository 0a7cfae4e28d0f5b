package dev.steward.workflows.message;

import dev.steward.workflows.guild.ResponseMode;

/** Whether a message asks for an answer under a guild's response mode. */
final class Addressing {
    private Addressing() {
    }

    static boolean isAddressed(ResponseMode mode, IncomingMessage message) {
        if (message.source() == MessageSource.ASK) {
            return true;
        }
        return switch (mode) {
            case MENTION -> message.mentionsBot() || message.replyToBot();
            case ALL_MESSAGES -> true;
            case ASK_ONLY -> false;
        };
    }
}
