package dev.steward.workflows.message;

import dev.steward.workflows.ReleasedHistories;
import io.temporal.testing.WorkflowReplayer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Replays histories recorded from released versions of {@link MessageWorkflowImpl}. A change to the
 * command sequence that would break running executions fails here; guard such changes with
 * {@code Workflow.getVersion}. Record new histories with {@link MessageWorkflowHistoryRecorder}.
 */
class MessageWorkflowReplayTest {
    @Test
    void currentImplementationReplaysEverySavedHistory() throws Exception {
        ReleasedHistories.replayAll("message-workflow", MessageWorkflowImpl.class);
    }

    @Test
    void implementationThatSkipsAStepFailsReplay() {
        assertThatThrownBy(() -> WorkflowReplayer.replayWorkflowExecutionFromResource(
                "histories/message-workflow-answered.json", ChargeBeforeModerationWorkflow.class))
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
