package dev.steward.workflows.conversation;

import io.temporal.activity.ActivityInterface;

/** What the conversation workflow (and older message workflows) store in PostgreSQL. */
@ActivityInterface
public interface ConversationActivities {
    void recordTurn(Turn turn);

    ConversationHistory loadHistory(ConversationKey key, int turns);

    /** Audit trail, the monitoring row (mode, agent) and the live feed, in one transaction. */
    void recordEvent(ConversationEvent event);

    /** The run ended after its idle period: the conversation leaves the list of active ones. */
    void close(ConversationKey key, long atMillis);
}
