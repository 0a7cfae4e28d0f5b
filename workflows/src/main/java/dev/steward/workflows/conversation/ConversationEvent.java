package dev.steward.workflows.conversation;

/**
 * A change of a conversation's state (takeover, agent reply, release, automatic resume) for the audit trail
 * and the live feed.
 *
 * @param eventKey unique per event of a conversation, so a retried recording stores one row
 */
public record ConversationEvent(long accountId, ConversationKey conversation, String eventKey, String action,
                                String actor, ConversationMode mode, String agent, String detail, long atMillis) {
}
