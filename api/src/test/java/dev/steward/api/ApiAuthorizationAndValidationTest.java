package dev.steward.api;

import dev.steward.testing.db.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = ApiApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steward.operator-api-key=" + ApiAuthorizationAndValidationTest.OPERATOR,
                "steward.discord.application-id=123456789012345678"})
class ApiAuthorizationAndValidationTest {
    static final String OPERATOR = "operator-test-key";

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
    }

    @LocalServerPort int port;
    ApiClient api;
    String guildId;

    @BeforeEach
    void client() {
        api = new ApiClient(port);
        guildId = Long.toString(System.nanoTime());
    }

    @Test
    void everyApiCallWithoutAValidKeyIs401WithAProblemBody() {
        for (String key : new String[]{null, "stw_not-a-key", ""}) {
            ApiClient.Response r = api.call("GET", "/api/guilds", key, null);
            assertThat(r.status()).isEqualTo(401);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body().get("status").asInt()).isEqualTo(401);
        }
        assertThat(api.call("POST", "/api/accounts", null, "{\"name\":\"x\",\"plan\":\"PRO\"}").status()).isEqualTo(401);
    }

    @Test
    void onlyTheOperatorCreatesAccounts() {
        String admin = api.newAccount(OPERATOR, "STARTER");
        assertThat(api.call("POST", "/api/accounts", admin, "{\"name\":\"x\",\"plan\":\"PRO\"}").status()).isEqualTo(403);
    }

    @Test
    void anotherAccountsGuildIs404ForEveryOperation() {
        String owner = api.newAccount(OPERATOR, "STARTER");
        String stranger = api.newAccount(OPERATOR, "PRO");
        ApiClient.Response connected = api.call("POST", "/api/guilds", owner,
                "{\"guildId\":\"" + guildId + "\",\"name\":\"Owner's\"}");
        assertThat(connected.status()).isEqualTo(201);
        assertThat(connected.body().get("inviteUrl").asString())
                .contains("client_id=123456789012345678", "guild_id=" + guildId, "scope=bot%20applications.commands");

        assertThat(api.call("GET", "/api/guilds/" + guildId, owner, null).status()).isEqualTo(200);
        assertThat(api.call("GET", "/api/guilds/" + guildId, stranger, null).status()).isEqualTo(404);
        assertThat(api.call("PUT", "/api/guilds/" + guildId + "/settings", stranger,
                "{\"responseMode\":\"ALL_MESSAGES\"}").status()).isEqualTo(404);
        assertThat(api.call("DELETE", "/api/guilds/" + guildId, stranger, null).status()).isEqualTo(404);
        assertThat(api.call("GET", "/api/guilds", stranger, null).body()).isEmpty();
        assertThat(api.call("GET", "/api/guilds/" + guildId, owner, null).body().get("name").asString())
                .isEqualTo("Owner's");
    }

    @Test
    void settingsChangeIsStoredAndReadBack() {
        String owner = api.newAccount(OPERATOR, "STARTER");
        api.call("POST", "/api/guilds", owner, "{\"guildId\":\"" + guildId + "\",\"name\":\"G\"}");
        ApiClient.Response r = api.call("PUT", "/api/guilds/" + guildId + "/settings", owner,
                "{\"responseMode\":\"ALL_MESSAGES\",\"smartMode\":false,\"allowedChannelIds\":[\"42\"]}");
        assertThat(r.status()).isEqualTo(200);
        assertThat(api.call("GET", "/api/guilds/" + guildId, owner, null).body().get("responseMode").asString())
                .isEqualTo("ALL_MESSAGES");
    }

    @Test
    void agentKeysCannotChangeSettings() {
        String owner = api.newAccount(OPERATOR, "STANDARD");
        api.call("POST", "/api/guilds", owner, "{\"guildId\":\"" + guildId + "\",\"name\":\"G\"}");
        long accountId = api.call("GET", "/api/account", owner, null).body().get("id").asLong();
        String agent = api.call("POST", "/api/accounts/" + accountId + "/keys", owner,
                "{\"role\":\"AGENT\",\"name\":\"desk\"}").body().get("key").asString();
        assertThat(api.call("GET", "/api/guilds/" + guildId, agent, null).status()).isEqualTo(200);
        assertThat(api.call("PUT", "/api/guilds/" + guildId + "/settings", agent,
                "{\"responseMode\":\"ASK_ONLY\"}").status()).isEqualTo(403);
    }

    @Test
    void badBodiesAre400ProblemsNamingTheField() {
        String owner = api.newAccount(OPERATOR, "STARTER");
        ApiClient.Response missing = api.call("POST", "/api/guilds", owner, "{\"guildId\":\"abc\",\"name\":\"\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.contentType()).startsWith("application/problem+json");
        assertThat(missing.body().get("detail").asString()).contains("guildId", "name");
        assertThat(missing.body().get("errors").toString()).contains("\"field\":\"guildId\"");

        ApiClient.Response badEnum = api.call("POST", "/api/accounts", OPERATOR, "{\"name\":\"x\",\"plan\":\"GOLD\"}");
        assertThat(badEnum.status()).isEqualTo(400);
        assertThat(badEnum.body().get("detail").asString()).contains("plan");

        ApiClient.Response notJson = api.call("POST", "/api/accounts", OPERATOR, "{\"name\":");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(notJson.contentType()).startsWith("application/problem+json");
    }

    @Test
    void openApiDocumentDescribesTheEndpointsWithoutExposingTheCaller() {
        ApiClient.Response docs = api.call("GET", "/v3/api-docs", null, null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().get("paths").has("/api/guilds/{guildId}/settings")).isTrue();
        assertThat(docs.raw()).doesNotContain("\"caller\"");
    }
}
