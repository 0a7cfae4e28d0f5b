package dev.steward.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.guild.ModerationSettings;
import dev.steward.testing.db.TestDatabase;
import dev.steward.testing.discord.FakeDiscordGateway;
import dev.steward.testing.discord.FakeDiscordRest;
import dev.steward.testing.discord.InteractionSigner;
import dev.steward.testing.ollama.OllamaStubs;
import dev.steward.workflows.moderation.ModerationAction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.stream.StreamSupport;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * No shared bot (the sandbox is on) and an account that registered its own bot: a sandbox message in that
 * account's guild, about a real channel and member, stays in the sandbox. The bot's moderation and its reply
 * are recorded there, and so is the reply of an agent who takes the conversation over; nothing reaches Discord
 * (WireMock) but the bot's gateway login.
 */
@SpringBootTest(classes = StewardLocal.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // The tests' contexts share the database: one encryption key, so each bridge can read every bot.
        properties = {"steward.local.temporal-port=0", "steward.operator-api-key=sandbox-operator",
                "steward.encryption-key=e2e-encryption-key", "steward.gateway.reload-interval=300ms"})
class SandboxCustomBotEndToEndTest {
    static final String GUILD = "810000000000000501";
    static final String CHANNEL = "820000000000000501";
    static final String MEMBER = "830000000000000501";
    static final WireMockServer discord = EndToEndBase.started();
    static final WireMockServer ollama = EndToEndBase.started();
    static final FakeDiscordGateway gateway = FakeDiscordGateway.start();

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
        gateway.stubRestLogin(discord);
        // Discord would take every action: only the requests it receives tell a leak apart.
        discord.stubFor(post(urlPathMatching("/channels/\\d+/messages")).willReturn(okJson(EndToEndBase.botMessage())));
        discord.stubFor(delete(urlPathMatching("/channels/\\d+/messages/\\d+")).willReturn(aResponse().withStatus(204)));
        discord.stubFor(put(urlPathMatching("/guilds/\\d+/bans/\\d+")).willReturn(aResponse().withStatus(204)));
        OllamaStubs.answer(ollama, "Open Settings > Account.");
        registry.add("steward.discord.api-base-url", discord::baseUrl);
        registry.add("steward.ai.base-url", ollama::baseUrl);
    }

    /** Discord and its gateway stay up until the JVM exits, as in EndToEndBase: the cached context's bridge uses them. */
    @AfterAll
    static void stop() {
        ollama.stop();
    }

    @LocalServerPort int port;
    @Autowired GuildRepository guilds;

    @Test
    void aSandboxMessageInAGuildWithItsOwnBotIsModeratedAndAnsweredInTheSandboxOnly() {
        Http api = new Http(port);
        JsonNode created = api.ok("POST", "/api/accounts", "sandbox-operator", "{\"name\":\"Own bot\",\"plan\":\"PRO\"}");
        String admin = created.get("adminKey").get("key").asString();
        String agent = api.ok("POST", "/api/accounts/" + created.get("account").get("id").asLong() + "/keys", admin,
                "{\"role\":\"AGENT\",\"name\":\"agent\"}").get("key").asString();
        api.ok("POST", "/api/guilds", admin, "{\"guildId\":\"" + GUILD + "\",\"name\":\"Own\"}");
        api.ok("POST", "/api/bots", admin, "{\"applicationId\":\"881000000000000501\",\"publicKey\":\""
                + new InteractionSigner().publicKeyHex() + "\",\"token\":\"" + FakeDiscordRest.tokenFor(870000000000000501L) + "\"}");
        Guild guild = guilds.findByDiscordGuildId(GUILD).orElseThrow();
        guilds.save(guild.withModeration(new ModerationSettings(true, false, "", true, true, true, true, true, 10, 0.8,
                "forbiddenword", "", false, false, "", 0, ModerationAction.BAN, "", "", 3, 5, 7, 30), Instant.now()));

        JsonNode blocked = api.ok("POST", "/api/sandbox/guilds/" + GUILD + "/messages", agent, "{\"content\":"
                + "\"forbiddenword for sale\",\"channelId\":\"" + CHANNEL + "\",\"authorId\":\"" + MEMBER + "\",\"mentionsBot\":false}");
        JsonNode mention = api.ok("POST", "/api/sandbox/guilds/" + GUILD + "/messages", agent, "{\"content\":"
                + "\"how do I reset my password?\",\"channelId\":\"" + CHANNEL + "\",\"authorId\":\"" + MEMBER + "\"}");

        assertThat(blocked.get("outcome").get("status").asString()).isEqualTo("REMOVED_BY_MODERATION");
        assertThat(mention.get("outcome").get("status").asString()).isEqualTo("ANSWERED");
        assertThat(mention.get("actions").size()).as("the reply, in the sandbox").isEqualTo(1);
        assertThat(mention.get("actions").get(0).get("action").asString()).isEqualTo("MESSAGE");
        assertThat(mention.get("actions").get(0).get("targetMessageId").asString())
                .isEqualTo(mention.get("messageId").asString());
        List<String> recorded = StreamSupport.stream(api.ok("GET", "/api/sandbox/guilds/" + GUILD + "/actions", agent,
                null).spliterator(), false).map(a -> a.get("action").asString() + " " + a.get("messageId").asString()).toList();
        assertThat(recorded).containsExactly("DELETE " + blocked.get("messageId").asString(), "BAN " + MEMBER,
                "MESSAGE " + mention.get("actions").get(0).get("messageId").asString());
        assertThat(discord.findAll(anyRequestedFor(urlPathMatching("/(channels|guilds|webhooks|interactions)/.*"))))
                .as("requests to Discord beyond the gateway login").isEmpty();

        // An agent who takes the sandbox conversation over replies in the sandbox too, not through the real bot.
        long conversation = StreamSupport.stream(api.ok("GET", "/api/conversations?guildId=" + GUILD, agent, null)
                .spliterator(), false).filter(c -> c.get("userId").asString().equals(MEMBER))
                .findFirst().orElseThrow().get("id").asLong();
        api.ok("POST", "/api/conversations/" + conversation + "/takeover", agent, null);
        api.ok("POST", "/api/conversations/" + conversation + "/messages", agent, "{\"content\":\"An agent here.\"}");
        JsonNode last = null;
        for (JsonNode a : api.ok("GET", "/api/sandbox/guilds/" + GUILD + "/actions", agent, null)) {
            last = a;
        }
        assertThat(last.get("action").asString()).isEqualTo("MESSAGE");
        assertThat(last.get("content").asString()).isEqualTo("An agent here.");
        assertThat(discord.findAll(anyRequestedFor(urlPathMatching("/(channels|guilds|webhooks|interactions)/.*"))))
                .as("the agent's reply did not reach Discord").isEmpty();
    }
}
