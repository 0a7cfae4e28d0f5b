package dev.steward.core.retention;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.retention.RetentionPurgeWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;

/** The hourly purge: one cron workflow for the whole installation, started if it is not running. */
@Component
public class RetentionSchedule {
    private final WorkflowClient client;

    RetentionSchedule(WorkflowClient client) {
        this.client = client;
    }

    /** @return true when this call started it */
    public boolean ensureRunning() {
        RetentionPurgeWorkflow purge = client.newWorkflowStub(RetentionPurgeWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(RetentionPurgeWorkflow.WORKFLOW_ID)
                .setTaskQueue(TaskQueues.MESSAGES)
                .setCronSchedule(RetentionPurgeWorkflow.CRON)
                .build());
        try {
            WorkflowClient.start(purge::purge);
            return true;
        } catch (WorkflowExecutionAlreadyStarted running) {
            return false;
        }
    }
}
