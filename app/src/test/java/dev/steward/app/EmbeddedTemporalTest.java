package dev.steward.app;

import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The embedded server as local mode runs it, without the rest of the application. */
class EmbeddedTemporalTest {
    static final String QUEUE = "nobody-polls";

    @Test
    void theTestServersLockEventLogStaysEmptyWhileWorkflowsRun() throws Exception {
        try (EmbeddedTemporal server = EmbeddedTemporal.start(0)) {
            WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setChannel(server.inProcessChannel()).build());
            // Each start schedules a workflow task, which the server marks with a time-skipping lock.
            start(stubs, "lock-log-", 20);
            stubs.shutdownNow();

            assertThat(lockEvents(server)).as("installed on this SDK version's test server")
                    .isInstanceOf(UnrecordedLockEvents.class).isEmpty();
        }
    }

    @Test
    void workflowTasksWaitingInABacklogComeOutOldestFirst() {
        try (EmbeddedTemporal server = EmbeddedTemporal.start(0)) {
            WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
                    WorkflowServiceStubsOptions.newBuilder().setChannel(server.inProcessChannel()).build());
            List<String> started = start(stubs, "backlog-", 30);

            List<String> polled = new ArrayList<>();
            for (int i = 0; i < started.size(); i++) {
                polled.add(stubs.blockingStub().pollWorkflowTaskQueue(PollWorkflowTaskQueueRequest.newBuilder()
                        .setNamespace("default").setIdentity("test")
                        .setTaskQueue(TaskQueue.newBuilder().setName(QUEUE)).build()).getWorkflowExecution().getWorkflowId());
            }
            stubs.shutdownNow();

            // As shipped, the heap handed out the newest task after the first poll: backlog-0, backlog-29, ...
            assertThat(polled).as("installed on this SDK version's test server").isEqualTo(started);
        }
    }

    private static List<String> start(WorkflowServiceStubs stubs, String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
            stubs.blockingStub().startWorkflowExecution(StartWorkflowExecutionRequest.newBuilder()
                    .setNamespace("default").setWorkflowId(prefix + i).setRequestId(UUID.randomUUID().toString())
                    .setWorkflowType(WorkflowType.newBuilder().setName("Nothing"))
                    .setTaskQueue(TaskQueue.newBuilder().setName(QUEUE)).build());
        }
        return ids;
    }

    private static List<?> lockEvents(EmbeddedTemporal server) throws ReflectiveOperationException {
        Object services = UnrecordedLockEvents.field(EmbeddedTemporal.class, "services").get(server);
        Object timer = UnrecordedLockEvents.field(TestServicesStarter.class, "selfAdvancingTimer").get(services);
        return (List<?>) UnrecordedLockEvents.field(timer.getClass(), "lockEvents").get(timer);
    }
}
