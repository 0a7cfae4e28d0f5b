package dev.steward.workflows.knowledge;

import dev.steward.workflows.TaskQueues;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

class IngestDocumentWorkflowTest {
    static final String HISTORY = "histories/ingest-document-fetch-failed.json";
    TestWorkflowEnvironment env;
    KnowledgeActivities knowledge = mock(KnowledgeActivities.class, withSettings().withoutAnnotations());

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(TaskQueues.MESSAGES);
        // A bug in the workflow fails the test at once instead of retrying the workflow task forever.
        worker.registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(Throwable.class).build(), IngestDocumentWorkflowImpl.class);
        worker.registerActivitiesImplementations(knowledge);
        env.start();
    }

    @AfterEach
    void stop() {
        env.close();
    }

    IngestOutcome run(IngestRequest request) {
        return env.getWorkflowClient().newWorkflowStub(IngestDocumentWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId(IngestDocumentWorkflow.workflowId(request.documentId(), request.revision()))
                        .setTaskQueue(TaskQueues.MESSAGES).build())
                .ingest(request);
    }

    @Test
    void documentIsIngestedWithoutFetching() {
        when(knowledge.ingest(any())).thenReturn(12);
        assertThat(run(new IngestRequest(1, 1, false))).isEqualTo(new IngestOutcome(IngestOutcome.Status.READY, 12, ""));
        verify(knowledge, never()).fetchPage(any());
    }

    @Test
    void overtakenRevisionReportsItAndFailsNothing() {
        when(knowledge.ingest(any())).thenReturn(-1);
        assertThat(run(new IngestRequest(1, 1, false)).status()).isEqualTo(IngestOutcome.Status.OVERTAKEN);
        verify(knowledge, never()).fail(any(), any());
    }

    @Test
    void pageThatKeepsFailingIsRetriedThreeTimesThenTheDocumentFailsWithTheReason() {
        IngestRequest request = new IngestRequest(2, 1, true);
        doThrow(ApplicationFailure.newFailure("Could not fetch http://x: ConnectException", "FetchFailed"))
                .when(knowledge).fetchPage(any());

        IngestOutcome outcome = run(request);

        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("Could not fetch http://x: ConnectException");
        verify(knowledge, times(3)).fetchPage(request);
        verify(knowledge).fail(eq(request), eq("Could not fetch http://x: ConnectException"));
        verify(knowledge, never()).ingest(any());
    }

    @Test
    void savedHistoryReplays() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource(HISTORY, IngestDocumentWorkflowImpl.class);
    }

    /** {@code ./mvnw -pl workflows test -Dtest=IngestDocumentWorkflowTest -Drecord.histories=true} */
    @Test
    @EnabledIfSystemProperty(named = "record.histories", matches = "true")
    void recordHistory() throws Exception {
        pageThatKeepsFailingIsRetriedThreeTimesThenTheDocumentFailsWithTheReason();
        Files.writeString(Path.of("src/test/resources", HISTORY),
                env.getWorkflowClient().fetchHistory(IngestDocumentWorkflow.workflowId(2, 1)).toJson(true));
    }
}
