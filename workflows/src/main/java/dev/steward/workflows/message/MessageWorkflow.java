package dev.steward.workflows.message;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** One execution per incoming Discord message: moderation, quota, answer, send. */
@WorkflowInterface
public interface MessageWorkflow {
    @WorkflowMethod
    MessageOutcome handle(IncomingMessage message);
}
