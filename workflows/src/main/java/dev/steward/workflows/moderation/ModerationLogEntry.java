package dev.steward.workflows.moderation;

import dev.steward.workflows.message.IncomingMessage;

/**
 * One action taken (or attempted) about a message, for the moderation log; keyed by message and action, so a
 * retried write stores one row.
 *
 * @param failure why the action failed (for example Discord's missing permission), or empty when it was done
 */
public record ModerationLogEntry(long accountId, String messageKey, IncomingMessage message, ModerationDecision decision,
                                 ModerationAction action, String failure, long atMillis) {
}
