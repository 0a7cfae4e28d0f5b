package dev.steward.bridge;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.steward.testing.db.TestDatabase;
import dev.steward.testing.discord.FakeDiscordGateway;
import dev.steward.testing.discord.ReceivedPayload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The bridge deployable, alone, runs only the shards it was given. */
@SpringBootTest(classes = GatewayBridgeApplication.class,
        properties = {"steward.discord.shard-count=4", "steward.discord.shard-indices=1,3"})
class ShardingTest {
    static final WireMockServer rest = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    static final FakeDiscordGateway gateway = FakeDiscordGateway.start();

    @DynamicPropertySource
    static void discord(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
        rest.start();
        gateway.stubRestLogin(rest);
        registry.add("steward.discord.bot-token", gateway::botToken);
        registry.add("steward.discord.api-base-url", rest::baseUrl);
    }

    @AfterAll
    static void stop() {
        rest.stop();
    }

    @Autowired GatewaySessions sessions;

    @Test
    void identifiesOnlyItsOwnShardsOfTheConfiguredCount() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (gateway.identifyCount() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<String> shards = gateway.received(2).stream().map(ReceivedPayload::data)
                .map(d -> d.path("shard").toString()).toList();
        assertThat(shards).containsExactlyInAnyOrder("[1,4]", "[3,4]");
        assertThat(sessions.status(GatewaySessions.SHARED)).isIn(GatewayState.Status.CONNECTED, GatewayState.Status.CONNECTING);
    }
}
