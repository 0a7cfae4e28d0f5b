package dev.steward.workflows.retention;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;

import java.time.Duration;

public class RetentionPurgeWorkflowImpl implements RetentionPurgeWorkflow {
    /** Large accounts take a while; the activity deletes in batches and heartbeats between them. */
    private final RetentionActivities retention = Workflow.newActivityStub(RetentionActivities.class,
            ActivityOptions.newBuilder()
                    .setStartToCloseTimeout(Duration.ofMinutes(30))
                    .setHeartbeatTimeout(Duration.ofMinutes(2))
                    .setRetryOptions(RetryOptions.newBuilder()
                            .setInitialInterval(Duration.ofSeconds(5))
                            .setMaximumInterval(Duration.ofMinutes(5))
                            .setMaximumAttempts(10)
                            .build())
                    .build());

    @Override
    public PurgeOutcome purge() {
        return retention.purgeExpired(Workflow.currentTimeMillis());
    }
}
