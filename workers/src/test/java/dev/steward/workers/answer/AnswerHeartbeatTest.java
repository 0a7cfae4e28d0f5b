package dev.steward.workers.answer;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.knowledge.KnowledgeDocumentRepository;
import dev.steward.testing.db.TestDatabase;
import dev.steward.testing.ollama.OllamaStubs;
import dev.steward.workers.knowledge.KnowledgeTestApp;
import dev.steward.workflows.answer.Answer;
import dev.steward.workflows.answer.AnswerActivities;
import dev.steward.workflows.answer.AnswerRequest;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.knowledge.KnowledgeActivities;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestActivityEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The answer activity heartbeats from its start, not only while the model works: a slow read of the
 * conversation (its table locked by another transaction here) keeps the attempt alive, and an attempt the
 * server gave up on during that read does not go on to call the model.
 */
@SpringBootTest(classes = AnswerHeartbeatTest.WithAnswers.class, properties = "steward.ai.heartbeat-interval=100ms")
class AnswerHeartbeatTest {
    static final Duration LOCK_AT_MOST = Duration.ofSeconds(15);
    static final WireMockServer ollama = new WireMockServer(options().dynamicPort());

    static {
        ollama.start();
    }

    @Configuration
    @Import({KnowledgeTestApp.class, AnswerActivitiesImpl.class, ModelConfiguration.class})
    static class WithAnswers {
    }

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
        registry.add("steward.ai.base-url", ollama::baseUrl);
    }

    @Autowired AnswerActivitiesImpl answers;
    @Autowired AccountRepository accounts;
    @Autowired KnowledgeDocumentRepository documents;
    @Autowired KnowledgeActivities knowledge;
    @Autowired DataSource dataSource;

    TestActivityEnvironment env;
    final AtomicInteger beats = new AtomicInteger();

    @BeforeEach
    void start() {
        ollama.resetAll();
        OllamaStubs.answer(ollama, "{\"action\":\"answer\",\"answer\":\"Open Settings > Account.\",\"sources\":[1]}");
        env = TestActivityEnvironment.newInstance();
        env.registerActivitiesImplementations(answers);
        env.setActivityHeartbeatListener(Object.class, details -> beats.incrementAndGet());
    }

    @AfterEach
    void stop() {
        env.close();
    }

    AnswerActivities activity() {
        return env.newActivityStub(AnswerActivities.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(1)).setHeartbeatTimeout(Duration.ofSeconds(1))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build());
    }

    AnswerRequest question(long account) {
        return new AnswerRequest(account, new ConversationKey("g", "c", "u" + System.nanoTime()), "k", "alice",
                "how do I reset my password?");
    }

    /**
     * Holds an exclusive lock on the conversation turns (reads wait for it) until the attempt has sent the given
     * number of heartbeats, or 15 s have passed; returns the heartbeats seen while it held the lock.
     */
    CompletableFuture<Integer> turnsLockedUntilBeats(int wanted) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Integer> beatsWhileLocked = CompletableFuture.supplyAsync(() -> {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                c.setAutoCommit(false);
                s.execute("LOCK TABLE conversation_message IN ACCESS EXCLUSIVE MODE");
                locked.countDown();
                awaitBeats(wanted);
                int seen = beats.get();
                c.commit();
                return seen;
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        return beatsWhileLocked;
    }

    /** Waits until the attempt has sent this many heartbeats, or 15 s have passed. */
    void awaitBeats(int wanted) throws InterruptedException {
        long deadline = System.nanoTime() + LOCK_AT_MOST.toNanos();
        while (beats.get() < wanted && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }

    @Test
    void theAttemptBeatsWhileItWaitsForTheConversation() throws Exception {
        long account = KnowledgeTestApp.accountWithHandbook(accounts, documents, knowledge);
        CompletableFuture<Integer> beatsWhileLocked = turnsLockedUntilBeats(3);

        Answer answer = activity().generate(question(account));

        // Three heartbeats while the read waits (the SDK sends at most one per 0.8 s of the 1 s timeout); before
        // the change the first one came with the model call, after the lock was gone.
        assertThat(beatsWhileLocked.get()).isGreaterThanOrEqualTo(3);
        assertThat(answer.text()).startsWith("Open Settings > Account.");
    }

    @Test
    void anAttemptGivenUpWhileItWaitsDoesNotCallTheModel() throws Exception {
        long account = KnowledgeTestApp.accountWithHandbook(accounts, documents, knowledge);
        CompletableFuture<Integer> beatsWhileLocked = turnsLockedUntilBeats(3);
        CompletableFuture<Answer> outcome = CompletableFuture.supplyAsync(() -> activity().generate(question(account)));
        awaitBeats(1); // the attempt is reading the conversation, and beating

        env.requestCancelActivity(); // the next heartbeat learns it

        assertThat(beatsWhileLocked.get()).isGreaterThanOrEqualTo(3);
        assertThatThrownBy(() -> outcome.get(30, TimeUnit.SECONDS)).hasMessageContaining("gave up on this attempt");
        ollama.verify(0, postRequestedFor(urlPathEqualTo("/api/chat")));
    }
}
