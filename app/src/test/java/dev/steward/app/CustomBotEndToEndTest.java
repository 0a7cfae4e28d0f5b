package dev.steward.app;

import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.GatewayPayloads;
import dev.steward.testing.discord.InteractionSigner;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.workflows.message.MessageOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account with its own Discord application: the bridge opens a session for it, its guilds act with its
 * token, its interactions endpoint checks its key.
 */
class CustomBotEndToEndTest extends EndToEndBase {
    static final String CUSTOM_APP = "881000000000000001";
    static final String CUSTOM_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.custom.secret-token";
    static final long CUSTOM_GUILD = 810000000000000401L;
    @LocalServerPort int port;

    @Test
    void guildsOfTheAccountActWithItsBotAndTheTokenIsSealed() throws Exception {
        Http api = new Http(port);
        String admin = api.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Own bot\",\"plan\":\"PRO\"}")
                .get("adminKey").get("key").asString();
        api.ok("POST", "/api/guilds", admin, "{\"guildId\":\"" + CUSTOM_GUILD + "\",\"name\":\"Own\"}");
        InteractionSigner customKeys = new InteractionSigner();
        var registered = api.ok("POST", "/api/bots", admin, "{\"applicationId\":\"" + CUSTOM_APP + "\",\"publicKey\":\""
                + customKeys.publicKeyHex() + "\",\"token\":\"" + CUSTOM_TOKEN + "\"}");
        assertThat(registered.toString()).doesNotContain("secret-token");
        assertThat(api.ok("GET", "/api/bots", admin, null).toString()).doesNotContain("secret-token");

        awaitSessionWithToken(CUSTOM_TOKEN);
        FakeUser ownBot = FakeUser.bot(123456789012345678L, "own-bot");
        MessageCreateBuilder mention = GatewayPayloads.messageCreate().in(CUSTOM_GUILD, CHANNEL).author(ALICE)
                .content(ownBot.mention() + " anyone there?").mentions(ownBot);
        gateway.dispatchMessageCreate(mention);
        assertThat(outcomeOf(CUSTOM_GUILD, mention.id()).status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        assertThat(sendsTo(CHANNEL, mention.id())).singleElement().satisfies(r ->
                assertThat(r.getHeader("Authorization")).isEqualTo("Bot " + CUSTOM_TOKEN));

        String stored = jdbc.sql("SELECT token_ciphertext FROM bot WHERE application_id = ?").param(CUSTOM_APP)
                .query(String.class).single();
        assertThat(stored).startsWith("v1:").doesNotContain("secret-token").doesNotContain("MTIz");

        assertThat(ping("/discord/interactions/" + CUSTOM_APP, customKeys).statusCode()).isEqualTo(200);
        assertThat(ping("/discord/interactions/" + CUSTOM_APP, interactions).statusCode()).as("the shared app's key")
                .isEqualTo(401);
        assertThat(ping("/discord/interactions/999", customKeys).statusCode()).as("unknown application").isEqualTo(401);
    }

    /** The bridge picks the new bot up on its next reload and identifies with its token. */
    static void awaitSessionWithToken(String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (gateway.received(2).stream().noneMatch(p -> token.equals(p.data().path("token").asText()))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("No gateway session identified with the custom bot's token");
            }
            Thread.sleep(100);
        }
    }

    HttpResponse<String> ping(String path, InteractionSigner keys) throws Exception {
        String body = "{\"type\":1}";
        String timestamp = InteractionSigner.now();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("X-Signature-Timestamp", timestamp)
                .header("X-Signature-Ed25519", keys.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
