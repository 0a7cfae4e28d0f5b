package dev.steward.workers.conversation;

import dev.steward.core.conversation.ConversationStore;
import dev.steward.workflows.conversation.ConversationActivities;
import dev.steward.workflows.conversation.ConversationEvent;
import dev.steward.workflows.conversation.ConversationHistory;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.Turn;
import org.springframework.stereotype.Component;

@Component
class ConversationActivitiesImpl implements ConversationActivities {
    private final ConversationStore store;

    ConversationActivitiesImpl(ConversationStore store) {
        this.store = store;
    }

    @Override
    public void recordTurn(Turn turn) {
        store.append(turn);
    }

    @Override
    public ConversationHistory loadHistory(ConversationKey key, int turns) {
        // A run that starts routes the conversation's turns to itself, then reads what came before.
        store.openWorkflow(key);
        return store.history(key, turns);
    }

    @Override
    public void recordEvent(ConversationEvent event) {
        store.recordEvent(event);
    }

    @Override
    public void close(ConversationKey key, long atMillis) {
        store.close(key, atMillis);
    }
}
