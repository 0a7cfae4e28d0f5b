package dev.steward.workflows.moderation;

import dev.steward.workflows.message.IncomingMessage;

public record ModerationRequest(long accountId, String messageKey, IncomingMessage message) {
}
