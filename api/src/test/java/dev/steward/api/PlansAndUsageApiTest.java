package dev.steward.api;

import dev.steward.core.account.AccountRepository;
import dev.steward.core.quota.QuotaLedger;
import dev.steward.testing.db.TestDatabase;
import dev.steward.workflows.quota.ChargeKind;
import dev.steward.workflows.quota.ChargeRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Plan features and the usage API, on a fixed clock: "now" is 2026-11-23, accounts anchor on that day. */
@SpringBootTest(classes = {ApiApplication.class, PlansAndUsageApiTest.FixedClock.class},
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steward.operator-api-key=" + PlansAndUsageApiTest.OPERATOR})
class PlansAndUsageApiTest {
    static final String OPERATOR = "operator-plans-key";
    static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
    }

    @LocalServerPort int port;
    @Autowired QuotaLedger ledger;
    @Autowired AccountRepository accounts;
    ApiClient api;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
    }

    @Test
    void freePlanCannotConnectAGuildAndTheProblemNamesTheCheapestPlanThatCan() {
        String admin = api.newAccount(OPERATOR, "FREE");
        ApiClient.Response refused = api.call("POST", "/api/guilds", admin, "{\"guildId\":\"1\",\"name\":\"G\"}");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("requiredPlan").asString()).isEqualTo("STARTER");
        assertThat(refused.body().get("detail").asString()).contains("FREE", "STARTER");
    }

    @Test
    void operatorChangesThePlanAndTheFeatureOpensUp() {
        String admin = api.newAccount(OPERATOR, "FREE");
        long id = api.call("GET", "/api/account", admin, null).body().get("id").asLong();

        assertThat(api.call("PUT", "/api/accounts/" + id + "/plan", admin, "{\"plan\":\"PRO\"}").status()).isEqualTo(403);
        assertThat(api.call("PUT", "/api/accounts/" + id + "/plan", OPERATOR, "{\"plan\":\"PRO\"}").body()
                .get("plan").asString()).isEqualTo("PRO");
        String guild = Long.toString(System.nanoTime());
        assertThat(api.call("POST", "/api/guilds", admin, "{\"guildId\":\"" + guild + "\",\"name\":\"G\"}").status())
                .isEqualTo(201);
    }

    @Test
    void usageReportsTheCurrentPeriodWithBreakdownsAndPastPeriodsOnRequest() {
        String admin = api.newAccount(OPERATOR, "STARTER");
        long id = api.call("GET", "/api/account", admin, null).body().get("id").asLong();
        assertThat(accounts.findById(id).orElseThrow().billingAnchor()).isEqualTo(LocalDate.parse("2026-11-23"));
        LocalDate anchor = LocalDate.parse("2026-11-23");
        charge(id, "g1", "a", ChargeKind.ANSWER, "2026-11-23T13:00:00Z", anchor);
        charge(id, "g1", "b", ChargeKind.ANSWER, "2026-11-24T09:00:00Z", anchor);
        charge(id, "g2", "b", ChargeKind.MODERATION, "2026-11-24T10:00:00Z", anchor);
        charge(id, "g2", "c", ChargeKind.ANSWER, "2026-12-23T00:00:00Z", anchor);

        JsonNode current = api.call("GET", "/api/usage", admin, null).body();
        assertThat(current.get("period").asString()).isEqualTo("2026-11-23");
        assertThat(current.get("endExclusive").asString()).isEqualTo("2026-12-23");
        assertThat(current.get("used").asLong()).isEqualTo(3);
        assertThat(current.get("limit").asLong()).isEqualTo(2500);
        assertThat(current.get("remaining").asLong()).isEqualTo(2497);
        assertThat(current.get("byKind").toString()).isEqualTo("{\"ANSWER\":2,\"MODERATION\":1}");
        assertThat(current.get("byGuild").toString()).isEqualTo("{\"g1\":2,\"g2\":1}");
        assertThat(current.get("byDay").toString()).isEqualTo("{\"2026-11-23\":1,\"2026-11-24\":2}");

        JsonNode next = api.call("GET", "/api/usage?period=2026-12-30", admin, null).body();
        assertThat(next.get("period").asString()).isEqualTo("2026-12-23");
        assertThat(next.get("used").asLong()).isEqualTo(1);
        assertThat(api.call("GET", "/api/usage/periods", admin, null).body().toString())
                .isEqualTo("[\"2026-12-23\",\"2026-11-23\"]");
        assertThat(api.call("GET", "/api/usage?period=yesterday", admin, null).status()).isEqualTo(400);
    }

    void charge(long account, String guild, String key, ChargeKind kind, String at, LocalDate anchor) {
        ledger.charge(new ChargeRequest(account, guild, key, kind, Instant.parse(at).toEpochMilli()), 2500, anchor);
    }
}
