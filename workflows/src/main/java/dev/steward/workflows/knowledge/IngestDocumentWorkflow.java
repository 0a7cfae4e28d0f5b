package dev.steward.workflows.knowledge;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Turns one revision of a knowledge document into searchable chunks, durably and with retries. */
@WorkflowInterface
public interface IngestDocumentWorkflow {
    @WorkflowMethod
    IngestOutcome ingest(IngestRequest request);

    static String workflowId(long documentId, int revision) {
        return "ingest-" + documentId + "-" + revision;
    }
}
