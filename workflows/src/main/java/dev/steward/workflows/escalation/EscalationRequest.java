package dev.steward.workflows.escalation;

import dev.steward.workflows.conversation.ConversationKey;

/** @param escalationKey the message workflow's id: one escalation per message, retried or not */
public record EscalationRequest(long accountId, ConversationKey conversation, String escalationKey,
                                String memberName, String question, long atMillis) {
}
