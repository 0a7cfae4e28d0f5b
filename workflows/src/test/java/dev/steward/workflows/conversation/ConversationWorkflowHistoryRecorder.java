package dev.steward.workflows.conversation;

import dev.steward.workflows.ReleasedHistories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Writes the histories that {@link ConversationWorkflowReplayTest} replays, one per scenario and release:
 * {@code ./mvnw -pl workflows test -Dtest=ConversationWorkflowHistoryRecorder -Drecord.histories=true}.
 */
@EnabledIfSystemProperty(named = "record.histories", matches = "true")
class ConversationWorkflowHistoryRecorder extends ConversationWorkflowTest {
    /** The latest {@code Workflow.getVersion} change; "" for the first release. */
    static final String RELEASE = "conversation-local-store";

    @Test
    void recordTurns() throws Exception {
        ConversationWorkflow c = begin(500);
        c.memberTurn(turn("m1:member", TurnRole.MEMBER, "how do I reset?"));
        c.botTurn(new BotTurn(turn("m1:bot", TurnRole.BOT, "Open Settings."), true));
        c.memberTurn(turn("m2:member", TurnRole.MEMBER, "thanks"));
        save("conversation-workflow-turns");
    }

    @Test
    void recordTakeoverReplyAndResume() throws Exception {
        anAgentReplyAtTwoFiftyNineResetsTheTimerAndLeavesNoOrphanTimer();
        save("conversation-workflow-takeover");
    }

    @Test
    void recordRelease() throws Exception {
        releaseHandsBackAtOnceAndTheTimerNeverFires();
        save("conversation-workflow-release");
    }

    @Test
    void recordIdleCompletion() throws Exception {
        anIdleConversationCompletesAndLeavesTheActiveList();
        save("conversation-workflow-idle");
    }

    private void save(String scenario) throws Exception {
        ReleasedHistories.save(client, ID, scenario, RELEASE);
    }
}
