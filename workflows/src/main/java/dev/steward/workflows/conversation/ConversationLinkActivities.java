package dev.steward.workflows.conversation;

import io.temporal.activity.ActivityInterface;

/**
 * How a message workflow talks to its conversation workflow. Workflows cannot update-with-start another
 * workflow, so these activities do it through the client; update ids make retries harmless.
 */
@ActivityInterface(namePrefix = "ConversationLink")
public interface ConversationLinkActivities {
    /** Starts the conversation if needed, records the member's turn, and tells whether the AI may answer. */
    Admission admitMemberTurn(Turn turn);

    /**
     * For a message not addressed to the bot: records it in the conversation only when an agent has taken it
     * over (the agent needs to see it); otherwise does nothing.
     */
    Admission admitIfTakenOver(Turn turn);

    void recordBotTurn(BotTurn turn);
}
