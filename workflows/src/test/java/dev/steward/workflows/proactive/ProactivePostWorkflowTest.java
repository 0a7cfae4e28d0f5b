package dev.steward.workflows.proactive;

import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.quota.ChargeResult;
import static org.mockito.Mockito.atLeastOnce;
import dev.steward.workflows.quota.ChargeRequest;
import dev.steward.workflows.quota.QuotaActivities;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkflowImplementationOptions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.mockito.ArgumentCaptor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.mockito.Mockito.withSettings;

class ProactivePostWorkflowTest {
    TestWorkflowEnvironment env;
    ProactiveActivities proactive = mock(ProactiveActivities.class, withSettings().withoutAnnotations());
    QuotaActivities quota = mock(QuotaActivities.class, withSettings().withoutAnnotations());

    @BeforeEach
    void start() {
        env = TestWorkflowEnvironment.newInstance();
        Worker worker = env.newWorker(TaskQueues.MESSAGES);
        // A bug in the workflow fails the test at once instead of retrying the workflow task forever.
        worker.registerWorkflowImplementationTypes(WorkflowImplementationOptions.newBuilder()
                .setFailWorkflowExceptionTypes(Throwable.class).build(), ProactivePostWorkflowImpl.class);
        worker.registerActivitiesImplementations(proactive, quota);
        env.start();
        when(proactive.plan("g")).thenReturn(new PostPlan(false, "", 7, "general"));
        when(quota.charge(any())).thenReturn(new ChargeResult(ChargeResult.Status.CHARGED, 1, 2500));
        when(proactive.write(anyString(), anyString())).thenReturn(new PostDraft(false, "", "tips", "Did you know?"));
        when(proactive.send(anyString(), anyString(), anyString(), anyString())).thenReturn("900");
    }

    @AfterEach
    void stop() {
        env.close();
    }

    WorkflowStub startCron(PostFrequency frequency) {
        ProactivePostWorkflow workflow = env.getWorkflowClient().newWorkflowStub(ProactivePostWorkflow.class,
                WorkflowOptions.newBuilder().setWorkflowId(ProactivePostWorkflow.cronWorkflowId("g"))
                        .setTaskQueue(TaskQueues.MESSAGES).setCronSchedule(frequency.cron()).build());
        WorkflowClient.start(workflow::post, "g");
        return WorkflowStub.fromTyped(workflow);
    }

    @Test
    void twelveHourFrequencyRunsFourteenTimesAWeek() {
        startCron(PostFrequency.EVERY_12_HOURS);
        env.sleep(Duration.ofDays(7));
        verify(proactive, times(14)).send(anyString(), anyString(), anyString(), anyString());
        verify(proactive, times(14)).record(any());
    }

    /** A cron run waits for its slot after it is created: it is charged at the slot, in that slot's period. */
    @Test
    void aRunIsChargedWhenItPostsNotWhenItWasCreated() {
        long created = env.currentTimeMillis();
        startCron(PostFrequency.WEEKLY);
        env.sleep(Duration.ofDays(8));

        ArgumentCaptor<ChargeRequest> charged = ArgumentCaptor.forClass(ChargeRequest.class);
        verify(quota, atLeastOnce()).charge(charged.capture());
        assertThat(charged.getAllValues().get(0).atMillis() - created).isGreaterThan(Duration.ofMinutes(1).toMillis());
    }

    @Test
    void frequencyChangeTakesEffectAndTerminatingStopsTheRuns() {
        WorkflowStub twelve = startCron(PostFrequency.EVERY_12_HOURS);
        env.sleep(Duration.ofDays(1));
        twelve.terminate("frequency changed");
        startCron(PostFrequency.EVERY_6_HOURS).getExecution();
        env.sleep(Duration.ofDays(1));
        verify(proactive, times(2 + 4)).send(anyString(), anyString(), anyString(), anyString());

        WorkflowStub.fromTyped(env.getWorkflowClient().newWorkflowStub(ProactivePostWorkflow.class,
                ProactivePostWorkflow.cronWorkflowId("g"))).terminate("disabled");
        env.sleep(Duration.ofDays(2));
        verify(proactive, times(6)).send(anyString(), anyString(), anyString(), anyString());
    }

    @Test
    void skippedRunIsRecordedAndCostsNothing() {
        when(proactive.plan("g")).thenReturn(PostPlan.skip("proactive posts disabled"));
        PostOutcome outcome = env.getWorkflowClient().newWorkflowStub(ProactivePostWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.MESSAGES).build()).post("g");
        assertThat(outcome).isEqualTo(PostOutcome.skipped("proactive posts disabled"));
        verify(quota, never()).charge(any());
        verify(proactive).record(any());
    }

    @Test
    void missingChannelFailsTheRunOnceAndGivesTheUnitBack() {
        when(proactive.send(anyString(), anyString(), anyString(), anyString())).thenThrow(
                ApplicationFailure.newNonRetryableFailure("No text channel named #general", "ChannelNotFound"));
        PostOutcome outcome = env.getWorkflowClient().newWorkflowStub(ProactivePostWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.MESSAGES).build()).post("g");

        assertThat(outcome.status()).isEqualTo(PostOutcome.Status.FAILED);
        assertThat(outcome.reason()).isEqualTo("No text channel named #general");
        verify(proactive, times(1)).send(anyString(), anyString(), anyString(), anyString());
        verify(quota).refund(any());
        ArgumentCaptor<PostRecord> recorded = ArgumentCaptor.forClass(PostRecord.class);
        verify(proactive).record(recorded.capture());
        assertThat(recorded.getValue().outcome().status()).isEqualTo(PostOutcome.Status.FAILED);
    }

    @Test
    void unreachableModelIsASkipWithinMinutesNotHoursOfRetries() {
        when(proactive.write(anyString(), anyString())).thenThrow(new IllegalStateException("connection refused"));
        PostOutcome outcome = env.getWorkflowClient().newWorkflowStub(ProactivePostWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.MESSAGES).build()).post("g");
        assertThat(outcome.status()).isEqualTo(PostOutcome.Status.SKIPPED);
        assertThat(outcome.reason()).startsWith("model unavailable");
        verify(proactive, times(3)).write(anyString(), anyString());
        verify(quota).refund(any());
    }

    static final String HISTORY = "histories/proactive-post-posted.json";

    @Test
    void savedHistoryReplays() throws Exception {
        WorkflowReplayer.replayWorkflowExecutionFromResource(HISTORY, ProactivePostWorkflowImpl.class);
    }

    /** {@code ./mvnw -pl workflows test -Dtest=ProactivePostWorkflowTest -Drecord.histories=true} */
    @Test
    @EnabledIfSystemProperty(named = "record.histories", matches = "true")
    void recordHistory() throws Exception {
        env.getWorkflowClient().newWorkflowStub(ProactivePostWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId("proactive-now-g-1").setTaskQueue(TaskQueues.MESSAGES).build()).post("g");
        Files.writeString(Path.of("src/test/resources", HISTORY),
                env.getWorkflowClient().fetchHistory("proactive-now-g-1").toJson(true));
    }

    @Test
    void spentQuotaSkipsWithoutWriting() {
        when(quota.charge(any())).thenReturn(new ChargeResult(ChargeResult.Status.REFUSED, 2500, 2500));
        PostOutcome outcome = env.getWorkflowClient().newWorkflowStub(ProactivePostWorkflow.class,
                WorkflowOptions.newBuilder().setTaskQueue(TaskQueues.MESSAGES).build()).post("g");
        assertThat(outcome).isEqualTo(PostOutcome.skipped("quota spent"));
        verify(proactive, never()).write(anyString(), anyString());
    }
}
