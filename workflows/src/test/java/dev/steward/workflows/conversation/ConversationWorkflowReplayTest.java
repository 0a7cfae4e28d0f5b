package dev.steward.workflows.conversation;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

/**
 * Replays histories recorded from released versions of {@link ConversationWorkflowImpl}: conversations run for
 * up to a day, so a deployment meets running ones. Record new histories with
 * {@link ConversationWorkflowHistoryRecorder}.
 */
class ConversationWorkflowReplayTest {
    static final String[] HISTORIES = {
            "histories/conversation-workflow-turns.json",
            "histories/conversation-workflow-takeover.json",
            "histories/conversation-workflow-release.json",
            "histories/conversation-workflow-idle.json",
            "histories/conversation-workflow-turns.conversation-local-store.json",
            "histories/conversation-workflow-takeover.conversation-local-store.json",
            "histories/conversation-workflow-release.conversation-local-store.json",
            "histories/conversation-workflow-idle.conversation-local-store.json",
    };

    @Test
    void currentImplementationReplaysEverySavedHistory() throws Exception {
        for (String history : HISTORIES) {
            WorkflowReplayer.replayWorkflowExecutionFromResource(history, ConversationWorkflowImpl.class);
        }
    }
}
