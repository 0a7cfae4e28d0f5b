package dev.steward.app;

import com.google.protobuf.util.Durations;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.command.v1.Command;
import io.temporal.api.command.v1.CompleteWorkflowExecutionCommandAttributes;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.CommandType;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueRequest;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.TerminateWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.PollWorkflowTaskQueueResponse;
import io.temporal.api.workflowservice.v1.RespondWorkflowTaskCompletedRequest;
import io.temporal.internal.testservice.TestServicesStarter;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.Lock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The embedded server as local mode runs it, without the rest of the application. */
class EmbeddedTemporalTest {
    static final String QUEUE = "nobody-polls";
    static final Duration RETENTION = Duration.ofHours(1);
    static final PollWorkflowTaskQueueRequest POLL = PollWorkflowTaskQueueRequest.newBuilder().setNamespace("default")
            .setIdentity("test").setTaskQueue(TaskQueue.newBuilder().setName(QUEUE)).build();

    @Test
    void theTestServersLockEventLogStaysEmptyWhileWorkflowsRun() throws Exception {
        try (EmbeddedTemporal server = EmbeddedTemporal.start(0, RETENTION)) {
            WorkflowServiceStubs stubs = stubs(server);
            // Each start schedules a workflow task, which the server marks with a time-skipping lock.
            start(stubs, "lock-log-", 20);
            stubs.shutdownNow();

            assertThat(lockEvents(server)).as("installed on this SDK version's test server")
                    .isInstanceOf(UnrecordedLockEvents.class).isEmpty();
        }
    }

    @Test
    void workflowTasksWaitingInABacklogComeOutOldestFirst() {
        try (EmbeddedTemporal server = EmbeddedTemporal.start(0, RETENTION)) {
            WorkflowServiceStubs stubs = stubs(server);
            List<String> started = start(stubs, "backlog-", 30);

            List<String> polled = new ArrayList<>();
            for (int i = 0; i < started.size(); i++) {
                polled.add(stubs.blockingStub().pollWorkflowTaskQueue(POLL).getWorkflowExecution().getWorkflowId());
            }
            stubs.shutdownNow();

            // As shipped, the heap handed out the newest task after the first poll: backlog-0, backlog-29, ...
            assertThat(polled).as("installed on this SDK version's test server").isEqualTo(started);
        }
    }

    @Test
    void finishedWorkflowsAreForgottenAfterTheRetentionWithTheirTimersAndOpenOnesStay() throws Throwable {
        try (EmbeddedTemporal server = EmbeddedTemporal.start(0, RETENTION)) {
            WorkflowServiceStubs stubs = stubs(server);
            start(stubs, "done-", 2);
            start(stubs, "open-", 1);
            completeNextWorkflowTask(stubs);
            completeNextWorkflowTask(stubs);
            // The server cancels a run's execution timer when it completes, not when it is terminated.
            start(stubs, "ended-", 1);
            stubs.blockingStub().terminateWorkflowExecution(TerminateWorkflowExecutionRequest.newBuilder()
                    .setNamespace("default").setWorkflowExecution(execution("ended-0")).setReason("test").build());
            FinishedWorkflowRetention retention = (FinishedWorkflowRetention)
                    UnrecordedLockEvents.field(EmbeddedTemporal.class, "retention").get(server);
            long now = System.currentTimeMillis();
            // Completing cancelled each run's execution timeout timer, which the server keeps for a day.
            assertThat(timers(server, true)).as("installed on this SDK version's test server").isPositive();

            assertThat(retention.sweep(now)).as("finished just now").isZero();
            assertThat(timers(server, true)).as("dropped at every sweep").isZero();
            long liveTimers = timers(server, false);
            assertThat(status(stubs, "done-0")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED);
            assertFailsWith(Status.Code.ALREADY_EXISTS, () -> start(stubs, "done-", 1)); // the id is still taken

            assertThat(retention.sweep(now + RETENTION.plusMinutes(1).toMillis())).isEqualTo(3);
            assertThat(timers(server, false)).as("the terminated run's execution timer, which held its state")
                    .isEqualTo(liveTimers - 1);

            for (String id : List.of("done-0", "done-1", "ended-0")) {
                assertFailsWith(Status.Code.NOT_FOUND, () -> status(stubs, id));
                assertFailsWith(Status.Code.NOT_FOUND, () -> stubs.blockingStub().getWorkflowExecutionHistory(
                        GetWorkflowExecutionHistoryRequest.newBuilder().setNamespace("default")
                                .setExecution(execution(id)).build()));
            }
            assertThat(status(stubs, "open-0")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
            // As on a Temporal server after its retention, the id is free again.
            assertThat(start(stubs, "done-", 1)).containsExactly("done-0");
            assertThat(status(stubs, "done-0")).isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
            stubs.shutdownNow();
        }
    }

    private static WorkflowServiceStubs stubs(EmbeddedTemporal server) {
        return WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setChannel(server.inProcessChannel()).build());
    }

    private static void assertFailsWith(Status.Code code, ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(StatusRuntimeException.class,
                e -> assertThat(e.getStatus().getCode()).isEqualTo(code));
    }

    /** What a worker does for a workflow that returns at once. */
    private static void completeNextWorkflowTask(WorkflowServiceStubs stubs) {
        PollWorkflowTaskQueueResponse task = stubs.blockingStub().pollWorkflowTaskQueue(POLL);
        stubs.blockingStub().respondWorkflowTaskCompleted(RespondWorkflowTaskCompletedRequest.newBuilder()
                .setNamespace("default").setIdentity("test").setTaskToken(task.getTaskToken())
                .addCommands(Command.newBuilder().setCommandType(CommandType.COMMAND_TYPE_COMPLETE_WORKFLOW_EXECUTION)
                        .setCompleteWorkflowExecutionCommandAttributes(
                                CompleteWorkflowExecutionCommandAttributes.getDefaultInstance()))
                .build());
    }

    private static WorkflowExecution execution(String id) {
        return WorkflowExecution.newBuilder().setWorkflowId(id).build();
    }

    private static WorkflowExecutionStatus status(WorkflowServiceStubs stubs, String id) {
        return stubs.blockingStub().describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
                .setNamespace("default").setExecution(execution(id)).build()).getWorkflowExecutionInfo().getStatus();
    }

    /** Like the bridge's starts: an id used before is refused, and the run may last a day. */
    private static List<String> start(WorkflowServiceStubs stubs, String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + i);
            stubs.blockingStub().startWorkflowExecution(StartWorkflowExecutionRequest.newBuilder()
                    .setNamespace("default").setWorkflowId(prefix + i).setRequestId(UUID.randomUUID().toString())
                    .setWorkflowType(WorkflowType.newBuilder().setName("Nothing"))
                    .setWorkflowIdReusePolicy(WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                    .setWorkflowExecutionTimeout(Durations.fromDays(1))
                    .setTaskQueue(TaskQueue.newBuilder().setName(QUEUE)).build());
        }
        return ids;
    }

    private static long timers(EmbeddedTemporal server, boolean cancelled) throws ReflectiveOperationException {
        Object services = UnrecordedLockEvents.field(EmbeddedTemporal.class, "services").get(server);
        Object timer = UnrecordedLockEvents.field(TestServicesStarter.class, "selfAdvancingTimer").get(services);
        Method isCancelled = Class.forName(timer.getClass().getName() + "$TimerTask").getDeclaredMethod("isCanceled");
        isCancelled.setAccessible(true);
        Lock lock = (Lock) UnrecordedLockEvents.field(timer.getClass(), "lock").get(timer);
        lock.lock();
        try {
            long count = 0;
            for (Object task : (Collection<?>) UnrecordedLockEvents.field(timer.getClass(), "tasks").get(timer)) {
                count += (boolean) isCancelled.invoke(task) == cancelled ? 1 : 0;
            }
            return count;
        } finally {
            lock.unlock();
        }
    }

    private static List<?> lockEvents(EmbeddedTemporal server) throws ReflectiveOperationException {
        Object services = UnrecordedLockEvents.field(EmbeddedTemporal.class, "services").get(server);
        Object timer = UnrecordedLockEvents.field(TestServicesStarter.class, "selfAdvancingTimer").get(services);
        return (List<?>) UnrecordedLockEvents.field(timer.getClass(), "lockEvents").get(timer);
    }
}
