package dev.steward.core.message;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.message.IncomingMessage;
import dev.steward.workflows.message.MessageOutcome;
import dev.steward.workflows.message.MessageWorkflow;
import dev.steward.workflows.message.MessageWorkflowIds;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts one {@code MessageWorkflow} per Discord message. The id comes from the message and duplicates are
 * rejected, so a replayed gateway event or a second bridge replica never starts a second execution.
 */
@Component
public class MessageWorkflowStarter {
    private final WorkflowClient client;

    MessageWorkflowStarter(WorkflowClient client) {
        this.client = client;
    }

    public Started start(IncomingMessage message) {
        String id = MessageWorkflowIds.of(message);
        MessageWorkflow workflow = client.newWorkflowStub(MessageWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(id)
                .setTaskQueue(TaskQueues.MESSAGES)
                .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .setWorkflowExecutionTimeout(Duration.ofDays(1))
                .build());
        try {
            WorkflowClient.start(workflow::handle, message);
            return new Started(id, true);
        } catch (WorkflowExecutionAlreadyStarted duplicate) {
            return new Started(id, false);
        }
    }

    /** Waits for a started workflow's outcome (sandbox and tests); null when it is not done in time. */
    public MessageOutcome awaitOutcome(String workflowId, Duration timeout) {
        try {
            return client.newUntypedWorkflowStub(workflowId)
                    .getResult(timeout.toMillis(), TimeUnit.MILLISECONDS, MessageOutcome.class);
        } catch (TimeoutException notYet) {
            return null;
        }
    }

    /** @param created false when the message had been seen before (a replay or a second replica) */
    public record Started(String workflowId, boolean created) {
    }
}
