package dev.steward.workers.conversation;

import dev.steward.core.conversation.ConversationClient;
import dev.steward.core.conversation.ConversationStore;
import dev.steward.workflows.conversation.Admission;
import dev.steward.workflows.conversation.BotTurn;
import dev.steward.workflows.conversation.ConversationLinkActivities;
import dev.steward.workflows.conversation.ConversationMode;
import dev.steward.workflows.conversation.Turn;
import org.springframework.stereotype.Component;

@Component
class ConversationLinkActivitiesImpl implements ConversationLinkActivities {
    private final ConversationClient conversations;
    private final ConversationStore store;

    ConversationLinkActivitiesImpl(ConversationClient conversations, ConversationStore store) {
        this.conversations = conversations;
        this.store = store;
    }

    @Override
    public Admission admitMemberTurn(Turn turn) {
        return conversations.admit(turn);
    }

    /** Most traffic is not for the bot: one indexed read decides, and only taken-over conversations get the turn. */
    @Override
    public Admission admitIfTakenOver(Turn turn) {
        if (store.mode(turn.conversation()) != ConversationMode.HUMAN) {
            return Admission.ai();
        }
        return conversations.admit(turn);
    }

    @Override
    public void recordBotTurn(BotTurn turn) {
        conversations.botTurn(turn);
    }
}
