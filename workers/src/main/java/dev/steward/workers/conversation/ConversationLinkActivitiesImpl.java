package dev.steward.workers.conversation;

import dev.steward.core.conversation.ConversationClient;
import dev.steward.core.conversation.ConversationStore;
import dev.steward.workflows.conversation.Admission;
import dev.steward.workflows.conversation.BotTurn;
import dev.steward.workflows.conversation.ConversationLinkActivities;
import dev.steward.workflows.conversation.ConversationMode;
import dev.steward.workflows.conversation.Turn;
import org.springframework.stereotype.Component;

/**
 * A conversation no agent has touched has no workflow: its turns go straight to PostgreSQL, the AI answers,
 * and a message costs no conversation workflow task. Once an agent acts, a workflow runs for it until it ends
 * idle, and every turn goes through that workflow, which decides whether the AI may answer.
 */
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
        return store.appendUnlessWorkflowOpen(turn) ? Admission.ai() : conversations.admit(turn);
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
        if (!store.appendUnlessWorkflowOpen(turn.turn())) {
            conversations.botTurn(turn);
        }
    }
}
