package dev.steward.app;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.GatewayPayloads;
import dev.steward.testing.ollama.OllamaStubs;
import dev.steward.workflows.message.MessageWorkflowIds;
import io.temporal.client.WorkflowException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * Benchmark, not a test: the whole pipeline in local mode (embedded Temporal, PostgreSQL, Discord4J's gateway
 * and REST clients against the fakes, a model stub with a fixed delay) under a steady message mix: 40%
 * mentions, 50% all-messages traffic in smart mode (half of it casual chat the model skips), 10% /ask. It
 * reports sustained throughput, the latency from the gateway event to the Discord send minus the model's
 * delay (the orchestration overhead), the deferred /ask answer, model calls and quota units per message,
 * and peak memory. See the README for the command and the latest figures.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
// Discord lets one bot make 50 requests per second (STEWARD_DISCORD_REQUESTS_PER_SECOND): the benchmark measures
// Steward, not that limit, so it sends as a bot whose limit Discord raised (or as the sum of several bots).
@TestPropertySource(properties = {EndToEndBase.LOCAL_MODE_WORKERS,
        "steward.discord.requests-per-second=${benchmark.discord-requests-per-second:500}",
        "steward.local.temporal-retention=${benchmark.temporal-retention:3m}",
        // Warmup and run at 200 messages/s take 58,000 units: more than Pro's month (50,000), and refused answers
        // would be measured as fast ones.
        "steward.plans.limits.PRO=100000000"})
class ThroughputBenchmark extends EndToEndBase {
    static final long MENTION_GUILD = 810000000000000201L;
    static final long ALL_GUILD = 810000000000000202L;
    static final long BENCH_CHANNEL = 820000000000000201L;
    static final Pattern TAG = Pattern.compile("\\[b(\\d+)]");
    static final Pattern REPLY_TO = Pattern.compile("\"message_id\":\"(\\d+)\"");

    final int rate = Integer.getInteger("benchmark.rate", 100);
    final int seconds = Integer.getInteger("benchmark.seconds", 60);
    /**
     * Sent at the same rate and drained before measuring: the JIT, pools and caches warm up on it. Five minutes,
     * because after 10 s the JIT compiler still took a fifth of the JVM's CPU through the measured minute, and
     * after two minutes it was still busy about 10 s of it (3 s after five).
     */
    final int warmupSeconds = Integer.getInteger("benchmark.warmup-seconds", 300);
    final int modelDelay = Integer.getInteger("benchmark.model-delay-ms", 200);
    /**
     * Channels the traffic is spread over, as in real servers: Discord lets a bot post about five messages per five
     * seconds in one channel, and Discord4J sends one request at a time per rate-limit bucket (a channel), so one
     * channel caps the sends at one per round trip, whatever the rest of the pipeline can do.
     */
    final int channels = Integer.getInteger("benchmark.channels", 50);
    @Value("${steward.discord.requests-per-second}") int discordRequestsPerSecond;
    /** Finished workflows the embedded server keeps: the default hour at 100 messages/s would be 360,000. */
    @Value("${steward.local.temporal-retention}") Duration temporalRetention;
    @LocalServerPort int port;

    enum Kind { MENTION, ALL_QUESTION, ALL_CHAT, ASK }

    record Sent(Kind kind, long messageId, long atMillis) {
    }

    @Test
    void measure() throws Exception {
        // The report reads the measured workflows once they are done: they must still be there.
        assertThat(temporalRetention).as("benchmark.temporal-retention").isGreaterThan(Duration.ofSeconds(seconds + 60));
        Http http = new Http(port);
        JsonNode created = http.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Bench\",\"plan\":\"PRO\"}");
        long benchAccount = created.get("account").get("id").asLong();
        String admin = created.get("adminKey").get("key").asString();
        http.ok("POST", "/api/guilds", admin, "{\"guildId\":\"" + MENTION_GUILD + "\",\"name\":\"Bench mentions\"}");
        http.ok("POST", "/api/guilds", admin, "{\"guildId\":\"" + ALL_GUILD + "\",\"name\":\"Bench all\"}");
        http.ok("PUT", "/api/guilds/" + ALL_GUILD + "/settings", admin, "{\"responseMode\":\"ALL_MESSAGES\",\"smartMode\":true}");
        ingestHandbook(benchAccount);
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(2).willReturn(okJson(OllamaStubs.chatResponse(
                "{\"action\":\"answer\",\"answer\":\"Open Settings > Account.\",\"sources\":[1]}")).withFixedDelay(modelDelay)));
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1).withRequestBody(containing("good morning"))
                .willReturn(okJson(OllamaStubs.chatResponse("{\"action\":\"skip\",\"answer\":\"\"}")).withFixedDelay(modelDelay)));
        discord.stubFor(patch(urlPathMatching("/webhooks/.*")).willReturn(okJson(botMessage())));
        List<Sent> warmup = run(warmupSeconds, 897000000000000000L);
        long warmupDeadline = System.currentTimeMillis() + 180_000;
        // The retention has forgotten the early warm-up workflows; the last half minute's show the backlog is gone.
        long lastHalfMinute = warmup.isEmpty() ? 0 : warmup.get(warmup.size() - 1).atMillis() - 30_000;
        for (Sent s : warmup) {
            if (s.atMillis() >= lastHalfMinute) {
                closeTime(s, warmupDeadline);
            }
        }
        ollama.resetRequests();
        discord.resetRequests();
        deferredNanos.clear();
        long warmupUnits = units(benchAccount);
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);

        long compilingBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        long cpuBefore = processCpuNanos();
        long wallBefore = System.nanoTime();
        List<Sent> sent = run(seconds, 896000000000000000L);
        long drainDeadline = System.currentTimeMillis() + 180_000;
        Map<Long, Long> closedAt = new ConcurrentHashMap<>();
        for (Sent s : sent) {
            closedAt.put(s.messageId(), closeTime(s, drainDeadline));
        }
        cpuNanos = processCpuNanos() - cpuBefore;
        wallNanos = System.nanoTime() - wallBefore;
        compilingMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compilingBefore;
        TimeBreakdown breakdown = new TimeBreakdown();
        sent.stream().filter(s -> s.kind() == Kind.MENTION).forEach(s -> breakdown.add(client, workflowId(s)));
        Files.writeString(Path.of("target/benchmark-throughput.txt"), report(sent, closedAt, benchAccount, warmupUnits)
                + "  where a mention's time went (mean per message workflow; the model delay is inside Generate):\n"
                + breakdown.report());
        System.out.print(Files.readString(Path.of("target/benchmark-throughput.txt")));
    }

    private long cpuNanos;
    private long wallNanos;
    private long compilingMillis;

    /** CPU used by this JVM (the app, the fakes and the load generator); PostgreSQL runs outside it. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private final List<Long> deferredNanos = java.util.Collections.synchronizedList(new ArrayList<>());

    private List<Sent> run(int seconds, long firstId) throws Exception {
        List<Sent> sent = new ArrayList<>();
        ExecutorService asks = Executors.newFixedThreadPool(16);
        SignedAsk ask = new SignedAsk(HttpClient.newHttpClient(), port, interactions, APPLICATION_ID);
        long total = (long) rate * seconds;
        long start = System.nanoTime();
        long id = firstId;
        for (int i = 0; i < total; i++) {
            long due = start + i * 1_000_000_000L / rate;
            // Parked, not spinning: a spinning generator took a whole core from the app it measures.
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(wait);
            }
            long messageId = ++id;
            FakeUser member = FakeUser.human(850000000000000000L + (firstId - 896000000000000000L) + i, "m" + i);
            int slot = i % 10;
            Kind kind = slot == 0 ? Kind.ASK : slot <= 4 ? Kind.MENTION : slot % 2 == 1 ? Kind.ALL_QUESTION : Kind.ALL_CHAT;
            String tag = " [b" + messageId + "]";
            long channel = BENCH_CHANNEL + i % channels;
            switch (kind) {
                case ASK -> asks.submit(() -> deferredNanos.add(ask.send(messageId, MENTION_GUILD, channel, member.id(),
                        "how do I reset my password?" + tag)));
                case MENTION -> gateway.dispatchMessageCreate(GatewayPayloads.messageCreate().id(messageId)
                        .in(MENTION_GUILD, channel).author(member).mentions(gateway.botUser())
                        .content(gateway.botUser().mention() + " how do I reset my password?" + tag));
                case ALL_QUESTION -> gateway.dispatchMessageCreate(GatewayPayloads.messageCreate().id(messageId)
                        .in(ALL_GUILD, channel).author(member).content("how do I reset my password?" + tag));
                case ALL_CHAT -> gateway.dispatchMessageCreate(GatewayPayloads.messageCreate().id(messageId)
                        .in(ALL_GUILD, channel).author(member).content("good morning everyone" + tag));
            }
            sent.add(new Sent(kind, messageId, System.currentTimeMillis()));
        }
        asks.shutdown();
        asks.awaitTermination(2, java.util.concurrent.TimeUnit.MINUTES);
        return sent;
    }

    /** When the message's workflow closed (epoch millis), waiting for the backlog to drain; -1 if it never did. */
    private static String workflowId(Sent s) {
        return s.kind() == Kind.ASK ? MessageWorkflowIds.forInteraction(Long.toString(s.messageId()))
                : MessageWorkflowIds.forMessage(Long.toString(s.kind() == Kind.MENTION ? MENTION_GUILD : ALL_GUILD),
                Long.toString(s.messageId()));
    }

    private long closeTime(Sent s, long deadline) throws InterruptedException {
        String workflowId = workflowId(s);
        while (System.currentTimeMillis() < deadline) {
            try {
                Instant closed = client.newUntypedWorkflowStub(workflowId).describe().getCloseTime();
                if (closed != null) {
                    return closed.toEpochMilli();
                }
            } catch (WorkflowException notStartedYet) {
                // the bridge has not started it yet
            }
            Thread.sleep(200);
        }
        return -1;
    }

    private long units(long benchAccount) {
        return jdbc.sql("SELECT COUNT(*) FROM quota_ledger WHERE account_id = ?").param(benchAccount)
                .query(Long.class).single();
    }

    private String report(List<Sent> sent, Map<Long, Long> closedAt, long benchAccount, long warmupUnits) {
        Map<Long, Sent> byId = new ConcurrentHashMap<>();
        sent.forEach(s -> byId.put(s.messageId(), s));
        long first = sent.get(0).atMillis();
        long lastClose = closedAt.values().stream().mapToLong(Long::longValue).max().orElse(first);
        long unfinished = closedAt.values().stream().filter(t -> t < 0).count();
        double windowSeconds = (sent.get(sent.size() - 1).atMillis() - first) / 1000.0;
        long closedInWindow = closedAt.values().stream().filter(t -> t >= 0 && t <= first + windowSeconds * 1000).count();

        List<Long> overhead = new ArrayList<>();
        StringBuilder perMessage = new StringBuilder("sent_offset_ms,kind,overhead_ms\n");
        List<LoggedRequest> sends = new ArrayList<>(discord.findAll(postRequestedFor(urlPathMatching("/channels/\\d+/messages"))));
        for (LoggedRequest r : sends) {
            Matcher m = REPLY_TO.matcher(r.getBodyAsString());
            if (m.find() && byId.containsKey(Long.parseLong(m.group(1)))) {
                Sent s = byId.get(Long.parseLong(m.group(1)));
                overhead.add(r.getLoggedDate().getTime() - s.atMillis() - modelDelay);
                perMessage.append(s.atMillis() - first).append(',').append(s.kind()).append(',')
                        .append(r.getLoggedDate().getTime() - s.atMillis() - modelDelay).append('\n');
            }
        }
        for (LoggedRequest r : discord.findAll(patchRequestedFor(urlPathMatching("/webhooks/.*/bench-\\d+/messages/@original")))) {
            Matcher m = Pattern.compile("bench-(\\d+)").matcher(r.getUrl());
            if (m.find() && byId.containsKey(Long.parseLong(m.group(1)))) {
                Sent s = byId.get(Long.parseLong(m.group(1)));
                overhead.add(r.getLoggedDate().getTime() - s.atMillis() - modelDelay);
                perMessage.append(s.atMillis() - first).append(',').append(s.kind()).append(',')
                        .append(r.getLoggedDate().getTime() - s.atMillis() - modelDelay).append('\n');
            }
        }
        try {
            Files.writeString(Path.of("target/benchmark-overhead.csv"), perMessage);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        long allMessages = sent.stream().filter(s -> s.kind() == Kind.ALL_QUESTION || s.kind() == Kind.ALL_CHAT).count();
        long allModelCalls = 0;
        long modelCalls = 0;
        for (LoggedRequest r : ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))) {
            Matcher m = TAG.matcher(r.getBodyAsString());
            Long tagged = null;
            while (m.find()) {
                tagged = Long.parseLong(m.group(1)); // the last tag is the message being answered
            }
            if (tagged != null && byId.containsKey(tagged)) {
                modelCalls++;
                Kind kind = byId.get(tagged).kind();
                if (kind == Kind.ALL_QUESTION || kind == Kind.ALL_CHAT) {
                    allModelCalls++;
                }
            }
        }
        long units = units(benchAccount) - warmupUnits;
        long peakHeap = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc(); // a full collection: what is left is what the process holds on to
        long liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long[] o = overhead.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] d = deferredNanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("""
                        throughput benchmark (%d cores, model delay %d ms, %d s at %d messages/s offered over %d channels: %d messages; Discord requests per second per bot: %d; finished workflows kept %d s)
                          sustained: %.1f messages/s finished within the sending window (%d of %d); the last finished %.1f s after the window; %d unfinished
                          overhead (gateway event or /ask to the Discord send, minus the model delay), %d replies: median %d ms, p95 %d ms, p99 %d ms
                          /ask deferred answer, %d requests: median %.1f ms, p99 %.1f ms
                          model calls per message: %.2f overall, %.2f in all-messages smart mode; quota units per message: %.2f
                          peak heap: %d MiB, %d MiB live after a full collection at the end; peak resident memory of the process: %s (the app, the fakes and the load generator share one JVM)
                          CPU of that JVM: %.1f ms per message, %.0f%% of the %d cores while sending and draining
                          JIT compiler threads busy %.1f s of that window (%d s of warmup before it)
                        """,
                Runtime.getRuntime().availableProcessors(), modelDelay, seconds, rate, channels, sent.size(), discordRequestsPerSecond, temporalRetention.toSeconds(),
                closedInWindow / windowSeconds, closedInWindow, sent.size(), (lastClose - first) / 1000.0 - windowSeconds, unfinished,
                o.length, pct(o, 0.5), pct(o, 0.95), pct(o, 0.99),
                d.length, pct(d, 0.5) / 1e6, pct(d, 0.99) / 1e6,
                (double) modelCalls / sent.size(), allMessages == 0 ? 0 : (double) allModelCalls / allMessages,
                (double) units / sent.size(), peakHeap / (1024 * 1024), liveHeap / (1024 * 1024), peakResident(),
                cpuNanos / 1e6 / sent.size(), 100.0 * cpuNanos / wallNanos / Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().availableProcessors(), compilingMillis / 1000.0, warmupSeconds);
    }

    /** The kernel's high-water mark of the process's resident memory (Linux), heap and everything else. */
    private static String peakResident() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM:"))
                    .map(l -> Long.parseLong(l.replaceAll("\\D", "")) / 1024 + " MiB").findFirst().orElse("unknown");
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown (" + e + ")";
        }
    }

    private static long pct(long[] sorted, double p) {
        return sorted.length == 0 ? -1 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }
}
