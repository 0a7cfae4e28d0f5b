package dev.steward.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.test.context.TestPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.steward.workflows.message.MessageWorkflowIds;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Benchmark, not a test: bursts of concurrent signed /ask requests against the interactions endpoint of the
 * running app (embedded Temporal server, PostgreSQL), timing each request until its deferred answer, against
 * Discord's 3,000 ms limit. Run: {@code ./mvnw -pl app -am test -Dtest=InteractionsBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; figures on the console and in {@code app/target/benchmark-interactions.txt}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestPropertySource(properties = EndToEndBase.LOCAL_MODE_WORKERS)
class InteractionsBenchmark extends EndToEndBase {
    static final int BURSTS = 6;
    @LocalServerPort int port;

    /** Burst sizes to measure, smallest first: {@code -Dbenchmark.burst-sizes=10,25,50}. */
    @Test
    void measure() throws Exception {
        discord.stubFor(patch(urlPathMatching("/webhooks/.*")).willReturn(okJson(botMessage())));
        StringBuilder report = new StringBuilder();
        for (String size : System.getProperty("benchmark.burst-sizes", "10,25,50").split(",")) {
            report.append(measure(Integer.parseInt(size.strip())));
        }
        System.out.print(report);
        Files.writeString(Path.of("target/benchmark-interactions.txt"), report.toString());
    }

    private String measure(int burstSize) throws Exception {
        HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(burstSize)).build();
        SignedAsk ask = new SignedAsk(http, port, interactions, APPLICATION_ID);
        ExecutorService pool = Executors.newFixedThreadPool(burstSize);
        List<Long> nanos = new ArrayList<>();
        for (int burst = 0; burst < BURSTS; burst++) {
            // Signed first, then released together: the sender's own work stays out of the measured time.
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Long>> timings = new ArrayList<>();
            List<String> workflows = new ArrayList<>();
            for (int i = 0; i < burstSize; i++) {
                long interaction = nextInteraction++;
                HttpRequest request = ask.prepare(interaction, GUILD, CHANNEL, interaction, "how do I reset my password?");
                workflows.add(MessageWorkflowIds.forInteraction(Long.toString(interaction)));
                timings.add(pool.submit(() -> {
                    go.await();
                    return ask.send(request);
                }));
            }
            go.countDown();
            for (Future<Long> t : timings) {
                if (burst > 0) {
                    nanos.add(t.get());
                } else {
                    t.get();
                }
            }
            // Bursts, not a flood: each burst starts once the previous one's workflows have finished.
            for (String workflow : workflows) {
                starter.awaitOutcome(workflow, Duration.ofMinutes(2));
            }
        }
        pool.shutdown();
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        assertThat(sorted).isNotEmpty();
        return String.format("interactions benchmark: %d bursts of %d concurrent /ask (first burst is warm-up), "
                        + "time to deferred answer median %.1f ms, p99 %.1f ms, max %.1f ms (Discord allows 3000 ms), %d cores%n",
                BURSTS, burstSize, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.99)] / 1e6,
                sorted[sorted.length - 1] / 1e6, Runtime.getRuntime().availableProcessors());
    }

    private long nextInteraction = 895000000000000000L;

}
