package dev.steward.app;

import dev.steward.core.account.Account;
import dev.steward.core.account.Plan;
import dev.steward.core.bot.Bot;
import dev.steward.core.bot.BotRepository;
import dev.steward.core.guild.Guild;
import dev.steward.core.secret.SecretBox;
import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.GatewayPayloads;
import dev.steward.testing.discord.InteractionSigner;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.workflows.message.MessageOutcome;
import dev.steward.workflows.message.MessageWorkflowIds;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowStub;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * An account with its own Discord application: the bridge opens a session for it, its guilds act with its
 * token, its interactions endpoint checks its key.
 */
class CustomBotEndToEndTest extends EndToEndBase {
    static final String CUSTOM_APP = "881000000000000001";
    static final String CUSTOM_TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.custom.secret-token";
    static final long CUSTOM_GUILD = 810000000000000401L;
    @LocalServerPort int port;
    @Autowired BotRepository bots;
    @Autowired SecretBox secrets;

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

    /**
     * A signature proves only which application sent an interaction: another account's admin who registered an
     * application of their own cannot ask in a guild that application does not serve, and a guild with its own
     * bot is not asked through the shared one. Nothing is started, charged or rate-limited for a refused /ask.
     */
    @Test
    void anInteractionIsAcceptedOnlyFromTheApplicationThatServesItsGuild() throws Exception {
        Http api = new Http(port);
        String admin = api.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Other\",\"plan\":\"PRO\"}")
                .get("adminKey").get("key").asString();
        long ownGuild = 810000000000000402L;
        api.ok("POST", "/api/guilds", admin, "{\"guildId\":\"" + ownGuild + "\",\"name\":\"Theirs\"}");
        InteractionSigner theirKeys = new InteractionSigner();
        String theirApp = "881000000000000002";
        api.ok("POST", "/api/bots", admin, "{\"applicationId\":\"" + theirApp + "\",\"publicKey\":\""
                + theirKeys.publicKeyHex() + "\",\"token\":\"" + tokenOf(theirApp) + "\"}");
        String theirEndpoint = "/discord/interactions/" + theirApp;

        assertThat(ask(theirEndpoint, theirKeys, "891000000000000001", theirApp, GUILD).body())
                .as("another account's guild").contains("\"flags\":64", "answers through its own bot");
        assertThat(ask(theirEndpoint, theirKeys, "891000000000000002", APPLICATION_ID, GUILD).body())
                .as("naming the shared application in the body").contains("\"flags\":64", "its own bot");
        assertThat(ask("/discord/interactions", interactions, "891000000000000003", APPLICATION_ID, ownGuild).body())
                .as("a guild with its own bot, through the shared one").contains("\"flags\":64", "its own bot");
        assertThat(ask("/discord/interactions", interactions, "891000000000000004", APPLICATION_ID, 810000000000000499L)
                .body()).as("a guild nobody connected").contains("\"flags\":64", "not set up");
        for (String refused : new String[]{"891000000000000001", "891000000000000002", "891000000000000003",
                "891000000000000004"}) {
            assertThat(workflowExists(MessageWorkflowIds.forInteraction(refused))).as(refused).isFalse();
        }

        discord.stubFor(patch(urlPathMatching("/webhooks/" + theirApp + "/[^/]+/messages/@original"))
                .willReturn(okJson(botMessage())));
        assertThat(ask(theirEndpoint, theirKeys, "891000000000000005", theirApp, ownGuild).body())
                .as("its own guild, through its own bot").isEqualTo("{\"type\":5}");
        assertThat(starter.awaitOutcome(MessageWorkflowIds.forInteraction("891000000000000005"), Duration.ofSeconds(30))
                .status()).isEqualTo(MessageOutcome.Status.ANSWERED);
    }

    /**
     * A token Discord4J refuses is refused at registration; one stored before that check, or one that cannot be
     * opened (sealed under another encryption key), stops only its own bot: the bridge still starts every other
     * account's session.
     */
    @Test
    void aBotTokenDiscordWouldRefuseIsRefusedAndStopsNoOtherBot() throws Exception {
        Http api = new Http(port);
        String admin = api.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Good\",\"plan\":\"PRO\"}")
                .get("adminKey").get("key").asString();
        String goodApp = "881000000000000003";
        Http.Response refused = api.call("POST", "/api/bots", admin, "{\"applicationId\":\"" + goodApp
                + "\",\"publicKey\":\"" + new InteractionSigner().publicKeyHex()
                + "\",\"token\":\"client-secret-not-a-bot-token\"}");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.raw()).contains("Bot section").doesNotContain("client-secret");

        long sealedElsewhere = accounts.save(Account.create("Old key " + System.nanoTime(), Plan.PRO, "", Instant.now()))
                .id();
        bots.save(new Bot(null, sealedElsewhere, "881000000000000099", "00".repeat(32), "v1:sealed-under-another-key",
                Instant.now()));
        long other = accounts.save(Account.create("Bad token " + System.nanoTime(), Plan.PRO, "", Instant.now())).id();
        bots.save(new Bot(null, other, visitedBefore(goodApp), "00".repeat(32), secrets.encrypt("client-secret-x"),
                Instant.now()));
        String goodToken = tokenOf(goodApp);
        api.ok("POST", "/api/bots", admin, "{\"applicationId\":\"" + goodApp + "\",\"publicKey\":\""
                + new InteractionSigner().publicKeyHex() + "\",\"token\":\"" + goodToken + "\"}");

        awaitSessionWithToken(goodToken);
    }

    /** A custom bot whose stored token cannot be used (stored before registration checked it) fails at once. */
    @Test
    void aSendThroughABotWhoseStoredTokenCannotBeUsedFailsAtOnceAndSaysWhatToDo() throws Exception {
        long account = accounts.save(Account.create("Stored bad " + System.nanoTime(), Plan.PRO, "", Instant.now())).id();
        long guild = 810000000000000403L;
        guilds.save(Guild.connect(Long.toString(guild), account, "Bad token", Instant.now()));
        InteractionSigner keys = new InteractionSigner();
        String app = "881000000000000004";
        bots.save(new Bot(null, account, app, keys.publicKeyHex(), secrets.encrypt("client-secret-y"), Instant.now()));

        assertThat(ask("/discord/interactions/" + app, keys, "891000000000000006", app, guild).body())
                .isEqualTo("{\"type\":5}");

        WorkflowStub run = client.newUntypedWorkflowStub(MessageWorkflowIds.forInteraction("891000000000000006"));
        assertThatThrownBy(() -> run.getResult(20, TimeUnit.SECONDS, MessageOutcome.class))
                .isInstanceOf(WorkflowFailedException.class).hasStackTraceContaining("register the bot again");
    }

    /** A Discord-shaped bot token: the bot's id in base64, then two parts Discord4J does not read. */
    static String tokenOf(String applicationId) {
        return Base64.getEncoder().withoutPadding().encodeToString(applicationId.getBytes()) + ".e2e.token-" + applicationId;
    }

    /**
     * An application id that the bridge's map of bots (a HashMap, as BotTokens builds it, holding every stored
     * bot) visits before {@code app}, so a refused token there would have stopped it.
     */
    String visitedBefore(String app) {
        List<String> stored = jdbc.sql("SELECT application_id FROM bot").query(String.class).list();
        for (long candidate = 881000000000000100L; ; candidate++) {
            String id = Long.toString(candidate);
            Map<String, String> tokens = new HashMap<>();
            stored.forEach(other -> tokens.put(other, ""));
            tokens.put(app, "");
            tokens.put(id, "");
            if (tokens.keySet().stream().filter(key -> key.equals(app) || key.equals(id)).findFirst().orElseThrow()
                    .equals(id)) {
                return id;
            }
        }
    }

    HttpResponse<String> ask(String path, InteractionSigner keys, String id, String application, long guild)
            throws Exception {
        String body = """
                {"type":2,"id":"%s","application_id":"%s","token":"tok-%s","guild_id":"%d","channel_id":"%d",
                 "member":{"user":{"id":"830000000000000060","username":"mallory"},"roles":[]},
                 "data":{"id":"1","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"hi?"}]}}
                """.formatted(id, application, id, guild, CHANNEL);
        return signed(path, keys, body);
    }

    boolean workflowExists(String workflowId) {
        try {
            client.newUntypedWorkflowStub(workflowId).describe();
            return true;
        } catch (WorkflowNotFoundException notFound) {
            return false;
        }
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
        return signed(path, keys, "{\"type\":1}");
    }

    HttpResponse<String> signed(String path, InteractionSigner keys, String body) throws Exception {
        String timestamp = InteractionSigner.now();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("X-Signature-Timestamp", timestamp)
                .header("X-Signature-Ed25519", keys.sign(timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
