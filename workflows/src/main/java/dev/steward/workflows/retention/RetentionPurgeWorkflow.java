package dev.steward.workflows.retention;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One purge pass; as a cron workflow it runs every hour. */
@WorkflowInterface
public interface RetentionPurgeWorkflow {
    String WORKFLOW_ID = "retention-purge";
    String CRON = "17 * * * *";

    @WorkflowMethod
    PurgeOutcome purge();
}
