package dev.steward.api.knowledge;

import dev.steward.core.knowledge.DocumentKind;
import dev.steward.core.knowledge.KnowledgeDocument;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.knowledge.IngestDocumentWorkflow;
import dev.steward.workflows.knowledge.IngestRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import org.springframework.stereotype.Component;

/** Starts the ingestion workflow of a document revision; the id makes a repeated start harmless. */
@Component
class IngestionStarter {
    private final WorkflowClient client;

    IngestionStarter(WorkflowClient client) {
        this.client = client;
    }

    void start(KnowledgeDocument document) {
        IngestDocumentWorkflow workflow = client.newWorkflowStub(IngestDocumentWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(IngestDocumentWorkflow.workflowId(document.id(), document.revision()))
                .setTaskQueue(TaskQueues.MESSAGES)
                .build());
        try {
            WorkflowClient.start(workflow::ingest,
                    new IngestRequest(document.id(), document.revision(), document.kind() == DocumentKind.URL));
        } catch (WorkflowExecutionAlreadyStarted alreadyRunning) {
            // The same revision is already being ingested.
        }
    }
}
