package dev.steward.workflows.conversation;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface ConversationActivities {
    void recordTurn(Turn turn);
}
