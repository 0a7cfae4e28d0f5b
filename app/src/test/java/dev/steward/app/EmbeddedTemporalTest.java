package dev.steward.app;

import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server as local mode runs it, without the rest of the application. */
class EmbeddedTemporalTest {

    @Test
    void theTestServersLockEventLogStaysEmptyWhileWorkflowsRun() throws Exception {
        try (EmbeddedTemporal server = EmbeddedTemporal.start(0)) {
            WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setChannel(server.inProcessChannel()).build());
            for (int i = 0; i < 20; i++) {
                // Each start schedules a workflow task, which the server marks with a time-skipping lock.
                stubs.blockingStub().startWorkflowExecution(StartWorkflowExecutionRequest.newBuilder()
                        .setNamespace("default").setWorkflowId("lock-log-" + i).setRequestId(UUID.randomUUID().toString())
                        .setWorkflowType(WorkflowType.newBuilder().setName("Nothing"))
                        .setTaskQueue(TaskQueue.newBuilder().setName("nobody-polls")).build());
            }
            stubs.shutdownNow();

            assertThat(lockEvents(server)).as("installed on this SDK version's test server")
                    .isInstanceOf(UnrecordedLockEvents.class).isEmpty();
        }
    }

    private static List<?> lockEvents(EmbeddedTemporal server) throws ReflectiveOperationException {
        Object services = UnrecordedLockEvents.field(EmbeddedTemporal.class, "services").get(server);
        Object timer = UnrecordedLockEvents.field(TestServicesStarter.class, "selfAdvancingTimer").get(services);
        return (List<?>) UnrecordedLockEvents.field(timer.getClass(), "lockEvents").get(timer);
    }
}
