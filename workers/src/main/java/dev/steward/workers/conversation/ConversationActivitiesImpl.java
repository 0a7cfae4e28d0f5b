package dev.steward.workers.conversation;

import dev.steward.core.conversation.ConversationStore;
import dev.steward.workflows.conversation.ConversationActivities;
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
}
