package dev.steward.workflows.message;

import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays histories recorded from released versions of {@link MessageWorkflowImpl}. A change to the
 * command sequence that would break running executions fails here; guard such changes with
 * {@code Workflow.getVersion}. Record new histories with {@link MessageWorkflowHistoryRecorder}.
 */
class MessageWorkflowReplayTest {
    static final String[] HISTORIES = {
            "histories/message-workflow-answered.json",
            "histories/message-workflow-fallback.json",
            "histories/message-workflow-quota-exhausted.json",
            "histories/message-workflow-smart-skip.json",
            "histories/message-workflow-moderated-warn.json",
            "histories/message-workflow-moderation-failed-ban.json",
            "histories/message-workflow-escalated.json",
            "histories/message-workflow-handed-to-agent.json",
            "histories/message-workflow-answered.local-storage-calls.json",
            "histories/message-workflow-fallback.local-storage-calls.json",
            "histories/message-workflow-quota-exhausted.local-storage-calls.json",
            "histories/message-workflow-smart-skip.local-storage-calls.json",
            "histories/message-workflow-moderated-warn.local-storage-calls.json",
            "histories/message-workflow-moderation-failed-ban.local-storage-calls.json",
            "histories/message-workflow-escalated.local-storage-calls.json",
            "histories/message-workflow-handed-to-agent.local-storage-calls.json",
    };

    @Test
    void currentImplementationReplaysEverySavedHistory() throws Exception {
        for (String history : HISTORIES) {
            WorkflowReplayer.replayWorkflowExecutionFromResource(history, MessageWorkflowImpl.class);
        }
    }

    @Test
    void implementationThatSkipsAStepFailsReplay() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(
                HISTORIES[0], ChargeBeforeModerationWorkflow.class))
                .hasMessageContaining("NonDeterministicException");
    }

    /** A deliberately incompatible version: it charges before moderating. */
    public static class ChargeBeforeModerationWorkflow implements MessageWorkflow {
        private final dev.steward.workflows.quota.QuotaActivities quota = io.temporal.workflow.Workflow
                .newActivityStub(dev.steward.workflows.quota.QuotaActivities.class, MessageActivityOptions.STORAGE);

        @Override
        public MessageOutcome handle(IncomingMessage message) {
            quota.charge(new dev.steward.workflows.quota.ChargeRequest(7, message.guildId(), "k",
                    dev.steward.workflows.quota.ChargeKind.ANSWER, 0));
            return MessageOutcome.of(MessageOutcome.Status.ANSWERED);
        }
    }
}
