package dev.steward.workers.answer;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.steward.testing.ollama.OllamaStubs;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The real Ollama client against WireMock, inside an activity of the SDK's activity test environment. */
class HeartbeatingChatModelTest {
    /** Far longer than the test waits: only an abandoned call ends in time. */
    static final int MODEL_DELAY_MS = 60_000;

    @ActivityInterface
    public interface Asking {
        /** What ended the call and whether the activity thread was left interrupted afterwards. */
        String ask();
    }

    static final class AskingImpl implements Asking {
        private final ChatModel model;

        AskingImpl(ChatModel model) {
            this.model = model;
        }

        @Override
        public String ask() {
            String ended;
            try {
                ended = "answered: " + model.chat("how do I reset my password?");
            } catch (RuntimeException e) {
                ended = "abandoned";
            }
            return ended + ", interrupted afterwards: " + Thread.currentThread().isInterrupted();
        }
    }

    WireMockServer ollama = new WireMockServer(options().dynamicPort());
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();

    @BeforeEach
    void start() {
        ollama.start();
        ChatModel model = new HeartbeatingChatModel(OllamaChatModel.builder().baseUrl(ollama.baseUrl())
                .modelName("test-model").timeout(Duration.ofMinutes(2)).maxRetries(0).build(), Duration.ofMillis(100));
        env.registerActivitiesImplementations(new AskingImpl(model));
    }

    @AfterEach
    void stop() {
        env.close();
        ollama.stop();
    }

    Asking activity() {
        return env.newActivityStub(Asking.class, ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofMinutes(5)).setHeartbeatTimeout(Duration.ofSeconds(1)).build());
    }

    @Test
    void aCancelledAttemptStopsWaitingForTheModelAndLeavesTheThreadClean() throws Exception {
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(
                okJson(OllamaStubs.chatResponse("too late")).withFixedDelay(MODEL_DELAY_MS)));
        CompletableFuture<String> outcome = CompletableFuture.supplyAsync(() -> activity().ask());
        Thread.sleep(1_000); // the call is under way and beating

        env.requestCancelActivity();

        assertThat(outcome.get(MODEL_DELAY_MS / 2, TimeUnit.MILLISECONDS))
                .isEqualTo("abandoned, interrupted afterwards: false");
    }

    /** The model takes longer than the heartbeat timeout: the heartbeats keep the attempt alive. */
    @Test
    void aModelThatAnswersWhileTheAttemptLivesIsWaitedFor() {
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).willReturn(
                okJson(OllamaStubs.chatResponse("Open Settings > Account.")).withFixedDelay(1_500)));

        assertThat(activity().ask()).isEqualTo("answered: Open Settings > Account., interrupted afterwards: false");
    }
}
