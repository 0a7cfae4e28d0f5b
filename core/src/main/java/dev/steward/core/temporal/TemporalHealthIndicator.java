package dev.steward.core.temporal;

import io.temporal.api.workflowservice.v1.DescribeNamespaceRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

import java.util.concurrent.TimeUnit;

/** Actuator health: whether the Temporal frontend answers for our namespace. */
public class TemporalHealthIndicator extends AbstractHealthIndicator {
    private final WorkflowServiceStubs stubs;
    private final String namespace;

    TemporalHealthIndicator(WorkflowServiceStubs stubs, String namespace) {
        super("Temporal is unreachable");
        this.stubs = stubs;
        this.namespace = namespace;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        stubs.blockingStub().withDeadlineAfter(2, TimeUnit.SECONDS)
                .describeNamespace(DescribeNamespaceRequest.newBuilder().setNamespace(namespace).build());
        builder.up().withDetail("namespace", namespace);
    }
}
