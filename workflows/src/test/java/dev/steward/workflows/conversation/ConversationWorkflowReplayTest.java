package dev.steward.workflows.conversation;

import dev.steward.workflows.ReleasedHistories;
import org.junit.jupiter.api.Test;

/**
 * Replays histories recorded from released versions of {@link ConversationWorkflowImpl}: conversations run for
 * up to a day, so a deployment meets running ones. Record new histories with
 * {@link ConversationWorkflowHistoryRecorder}.
 */
class ConversationWorkflowReplayTest {

    @Test
    void currentImplementationReplaysEverySavedHistory() throws Exception {
        ReleasedHistories.replayAll("conversation-workflow", ConversationWorkflowImpl.class);
    }
}
