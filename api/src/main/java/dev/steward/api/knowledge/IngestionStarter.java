package dev.steward.api.knowledge;

import dev.steward.core.knowledge.DocumentKind;
import dev.steward.core.knowledge.KnowledgeDocument;
import dev.steward.core.knowledge.KnowledgeStore;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.knowledge.IngestDocumentWorkflow;
import dev.steward.workflows.knowledge.IngestRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import java.time.Clock;
import org.springframework.stereotype.Component;

/** Starts the ingestion workflow of a document revision; the id makes a repeated start harmless. */
@Component
class IngestionStarter {
    private final WorkflowClient client;
    private final KnowledgeStore store;
    private final Clock clock;

    IngestionStarter(WorkflowClient client, KnowledgeStore store, Clock clock) {
        this.client = client;
        this.store = store;
        this.clock = clock;
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
        } catch (WorkflowServiceException unavailable) {
            // Leave no document waiting for an ingestion that never started; the caller can resubmit.
            store.fail(document.id(), document.revision(), "Ingestion could not start: Temporal is unreachable",
                    clock.instant());
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "Ingestion could not start (Temporal is unreachable); the document is marked FAILED, submit it again");
        }
    }
}
