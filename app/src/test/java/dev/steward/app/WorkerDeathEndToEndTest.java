package dev.steward.app;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.steward.core.temporal.EmbeddedTemporalServer;
import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.testing.ollama.OllamaStubs;
import dev.steward.workers.worker.TemporalWorkers;
import dev.steward.workers.worker.WorkerFactories;
import dev.steward.workflows.message.MessageActivityOptions;
import dev.steward.workflows.message.MessageOutcome.Status;
import dev.steward.workflows.message.MessageWorkflowIds;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A worker dies while the model is answering: its connection to Temporal is cut and its factory shut down at
 * once, interrupting the answer activity, and a second worker that was not running before takes the workflow
 * over once the answer's heartbeats stop. The member still gets
 * exactly one answer and one charge. The end-to-end tests' workers use no sticky queues: the embedded test server
 * never times a sticky task out, as a real one does after 5 s, so the next task would wait for the dead worker.
 */
class WorkerDeathEndToEndTest extends EndToEndBase {
    @Autowired TemporalWorkers workers;
    @Autowired WorkerFactories factories;
    @Autowired EmbeddedTemporalServer embedded;

    @Test
    void aSecondWorkerFinishesTheMessageOfADeadOneWithOneAnswerAndOneCharge() {
        String question = "how do I reset my password while a worker dies?";
        // The first call outlasts the dying worker's shutdown; the retry is answered at once.
        String answer = OllamaStubs.chatResponse("{\"action\":\"answer\",\"answer\":\"Use Settings > Account.\"}");
        List<StubMapping> model = List.of(
                ollama.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1).withRequestBody(containing(question))
                        .inScenario("worker-death").whenScenarioStateIs(Scenario.STARTED)
                        .willReturn(okJson(answer).withFixedDelay(20_000)).willSetStateTo("retried")),
                ollama.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1).withRequestBody(containing(question))
                        .inScenario("worker-death").whenScenarioStateIs("retried").willReturn(okJson(answer))));
        MessageCreateBuilder mention = mentionFrom(FakeUser.human(830000000000000701L, "ines"), question);
        String workflowId = MessageWorkflowIds.forMessage(Long.toString(GUILD), Long.toString(mention.id()));
        workers.stop();
        // The first worker has its own connection, as another process would: it dies with it.
        WorkflowServiceStubs firstConnection = WorkflowServiceStubs.newServiceStubs(
                WorkflowServiceStubsOptions.newBuilder().setTarget(embedded.target()).build());
        WorkerFactory first = factories.create(WorkflowClient.newInstance(firstConnection, client.getOptions()));
        WorkerFactory second = factories.create();
        try {
            first.start();
            gateway.dispatchMessageCreate(mention);
            awaitModelCallInFlight(workflowId);
            awaitModelRequestReceived(); // else the dying worker may die before its request is sent

            long diedAt = System.currentTimeMillis();
            firstConnection.shutdownNow(); // nothing the dying worker still finishes reaches the server
            first.shutdownNow();
            first.awaitTermination(30, TimeUnit.SECONDS);
            assertThat(first.isTerminated()).as("the first worker is gone").isTrue();
            second.start();

            assertThat(outcomeOf(GUILD, mention.id()).status()).isEqualTo(Status.ANSWERED);
            assertThat(answerAttempts(workflowId)).as("the answer ran again on the second worker").isEqualTo(2);
            long retriedAt = ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")).withRequestBody(containing(question)))
                    .stream().mapToLong(r -> r.getLoggedDate().getTime()).max().orElseThrow();
            assertThat(retriedAt - diedAt).as("retried once the heartbeats stopped: the heartbeat timeout, not 90 s")
                    .isBetween(MessageActivityOptions.MODEL_HEARTBEAT.minusSeconds(4).toMillis(), 40_000L);
            assertThat(sendsTo(CHANNEL, mention.id())).as("exactly one answer").hasSize(1);
            assertThat(sendsTo(CHANNEL, mention.id()).get(0).getBodyAsString()).contains("Use Settings > Account.");
            assertThat(jdbc.sql("SELECT COUNT(*) FROM quota_ledger WHERE message_key = ? AND kind = 'ANSWER'")
                    .param(workflowId).query(Long.class).single()).as("charged once").isEqualTo(1);
        } finally {
            firstConnection.shutdownNow();
            first.shutdownNow();
            second.shutdown();
            second.awaitTermination(30, TimeUnit.SECONDS);
            workers.start();
            model.forEach(ollama::removeStub);
        }
    }

    @Test
    void aModelSlowerThanTheHeartbeatTimeoutIsWaitedForNotRetried() {
        String question = "how do I reset my password on a slow model?";
        long slowerThanTheHeartbeatTimeout = MessageActivityOptions.MODEL_HEARTBEAT.plusSeconds(3).toMillis();
        StubMapping slowModel = ollama.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1)
                .withRequestBody(containing(question))
                .willReturn(okJson(OllamaStubs.chatResponse("{\"action\":\"answer\",\"answer\":\"Slowly: Settings.\"}"))
                        .withFixedDelay((int) slowerThanTheHeartbeatTimeout)));
        try {
            MessageCreateBuilder mention = mentionFrom(FakeUser.human(830000000000000702L, "olga"), question);
            gateway.dispatchMessageCreate(mention);
            String workflowId = MessageWorkflowIds.forMessage(Long.toString(GUILD), Long.toString(mention.id()));
            awaitModelCallInFlight(workflowId);
            assertThat(starter.awaitOutcome(workflowId, Duration.ofSeconds(60)).status()).isEqualTo(Status.ANSWERED);
            assertThat(answerAttempts(workflowId)).as("the heartbeats kept the first attempt alive").isEqualTo(1);
            assertThat(sendsTo(CHANNEL, mention.id()).get(0).getBodyAsString()).contains("Slowly: Settings.");
        } finally {
            ollama.removeStub(slowModel);
        }
    }

    /** Until the model has matched the dying worker's request: the scenario moves on as the request arrives. */
    private void awaitModelRequestReceived() {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ollama.getAllScenarios().getScenarios().stream()
                .noneMatch(s -> s.getName().equals("worker-death") && s.getState().equals("retried"))) {
            assertThat(System.nanoTime()).as("the model received the first request").isLessThan(deadline);
            sleep();
        }
    }

    /**
     * Until the answer activity is waiting for the model: it heartbeats only then. (WireMock journals a request
     * only once its delayed response is sent, too late to tell.)
     */
    private void awaitModelCallInFlight(String workflowId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (client.newUntypedWorkflowStub(workflowId).describe().getRawDescription().getPendingActivitiesList()
                        .stream().anyMatch(a -> a.getActivityType().getName().equals("Generate")
                                && a.getState() == PendingActivityState.PENDING_ACTIVITY_STATE_STARTED
                                && a.hasLastHeartbeatTime())) {
                    return;
                }
            } catch (WorkflowException notStartedYet) {
                // the bridge has not started the workflow yet
            }
            sleep();
        }
        throw new AssertionError("the answer activity never called the model");
    }

    /** The attempt that completed the answer activity, from the workflow's history. */
    private int answerAttempts(String workflowId) {
        List<HistoryEvent> events = client.fetchHistory(workflowId).getHistory().getEventsList();
        return events.stream().filter(HistoryEvent::hasActivityTaskStartedEventAttributes)
                .filter(started -> events.stream().anyMatch(scheduled -> scheduled.getEventId()
                        == started.getActivityTaskStartedEventAttributes().getScheduledEventId()
                        && scheduled.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("Generate")))
                .mapToInt(started -> started.getActivityTaskStartedEventAttributes().getAttempt())
                .findFirst().orElseThrow();
    }
}
