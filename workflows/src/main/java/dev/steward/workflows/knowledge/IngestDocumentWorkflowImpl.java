package dev.steward.workflows.knowledge;

import dev.steward.workflows.ActivityFailures;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Workflow;

import java.time.Duration;

public class IngestDocumentWorkflowImpl implements IngestDocumentWorkflow {
    /** An unreachable page is retried a few times, then the document is marked failed with the reason. */
    private final KnowledgeActivities fetching = Workflow.newActivityStub(KnowledgeActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofSeconds(30))
                    .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(2))
                            .setMaximumAttempts(3).build())
                    .build());
    /** Embedding a large document takes a while; storage errors are retried until the database is back. */
    private final KnowledgeActivities storing = Workflow.newActivityStub(KnowledgeActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(5))
                    .setScheduleToCloseTimeout(Duration.ofHours(1))
                    .setRetryOptions(RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
                            .setMaximumInterval(Duration.ofMinutes(1)).build())
                    .build());

    @Override
    public IngestOutcome ingest(IngestRequest request) {
        try {
            if (request.fetch()) {
                fetching.fetchPage(request);
            }
            int chunks = storing.ingest(request);
            return chunks < 0 ? new IngestOutcome(IngestOutcome.Status.OVERTAKEN, 0, "")
                    : new IngestOutcome(IngestOutcome.Status.READY, chunks, "");
        } catch (ActivityFailure failure) {
            String reason = ActivityFailures.reason(failure);
            storing.fail(request, reason);
            return new IngestOutcome(IngestOutcome.Status.FAILED, 0, reason);
        }
    }
}
