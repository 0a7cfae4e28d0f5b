package dev.steward.app;

import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.GatewayPayloads;
import dev.steward.testing.discord.InteractionSigner;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.workflows.message.MessageOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keys and tokens never reach the logs or an answer. Runs one flow with every kind of secret in play (the
 * operator key, an admin and an agent key, a custom bot's token, the shared bot's token, the encryption key)
 * and searches all output captured meanwhile, from every thread of the shared context, and every answer.
 * The answers that issue a key show that key once, by design, and nothing else.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInLogsTest extends EndToEndBase {
    static final String OPERATOR_KEY = "e2e-operator";
    static final String APP = "881000000000000951";
    static final long OWN_GUILD = 810000000000000951L;
    static final long OWN_CHANNEL = 820000000000000951L;
    static final FakeUser OWN_BOT = FakeUser.bot(890000000000000951L, "sealed-bot");
    static final FakeUser MEMBER = FakeUser.human(830000000000000951L, "curious");

    @LocalServerPort int port;
    Http http;
    final List<Http.Response> answers = new ArrayList<>();

    @Test
    void noSecretReachesTheLogsOrAnAnswer(CapturedOutput output) throws Exception {
        http = new Http(port);
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        String secretPart = HexFormat.of().formatHex(random);
        String token = Base64.getEncoder().withoutPadding().encodeToString(Long.toString(OWN_BOT.id())
                .getBytes(StandardCharsets.UTF_8)) + ".GhQ3xw." + secretPart;

        Http.Response created = http.call("POST", "/api/accounts", OPERATOR_KEY, "{\"name\":\"Secrets\",\"plan\":\"PRO\"}");
        String admin = created.body().get("adminKey").get("key").asString();
        long accountId = created.body().get("account").get("id").asLong();
        Http.Response issued = http.call("POST", "/api/accounts/" + accountId + "/keys", admin,
                "{\"role\":\"AGENT\",\"name\":\"agent\"}");
        String agent = issued.body().get("key").asString();

        call("POST", "/api/guilds", admin, "{\"guildId\":\"" + OWN_GUILD + "\",\"name\":\"Sealed\"}");
        String bot = "{\"applicationId\":\"" + APP + "\",\"publicKey\":\"" + new InteractionSigner().publicKeyHex()
                + "\",\"token\":\"" + token + "\"}";
        long botId = call("POST", "/api/bots", admin, bot).body().get("id").asLong();
        assertThat(call("POST", "/api/bots", admin, bot).status()).as("a second bot").isEqualTo(409);
        assertThat(call("POST", "/api/bots", admin, bot.replace("\"" + token + "\"", token)).status())
                .as("the token sent unquoted: malformed JSON").isEqualTo(400);
        assertThat(call("GET", "/api/account", token, null).status()).as("the bot token used as an API key").isEqualTo(401);
        for (String key : List.of(admin, agent)) {
            JsonNode bots = call("GET", "/api/bots", key, null).body();
            assertThat(bots).singleElement().satisfies(b -> assertThat(b.has("token")).isFalse());
        }

        awaitSessionWithToken(token);
        MessageCreateBuilder mention = GatewayPayloads.messageCreate().in(OWN_GUILD, OWN_CHANNEL).author(MEMBER)
                .content(OWN_BOT.mention() + " how do I reset my password?").mentions(OWN_BOT);
        gateway.dispatchMessageCreate(mention);
        assertThat(outcomeOf(OWN_GUILD, mention.id()).status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        assertThat(sendsTo(OWN_CHANNEL, mention.id())).as("the answer went out with the custom bot's token")
                .singleElement().satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bot " + token));
        JsonNode conversations = call("GET", "/api/conversations", agent, null).body();
        call("GET", "/api/conversations/" + conversations.get(0).get("id").asLong(), agent, null);
        call("GET", "/api/usage", agent, null);
        call("GET", "/api/account", agent, null);

        assertThat(call("DELETE", "/api/bots/" + botId, admin, null).status()).isEqualTo(204);
        awaitOutput(output, "Gateway bridge: stopped the session of bot " + APP);
        assertThat(output.getAll()).as("the capture has the bridge's logs, written by its own threads")
                .contains("Gateway bridge: connecting " + APP);

        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("admin key", admin);
        secrets.put("agent key", agent);
        secrets.put("operator key", OPERATOR_KEY);
        secrets.put("custom bot token", token);
        secrets.put("custom bot token's secret part", secretPart);
        secrets.put("shared bot token", gateway.botToken());
        secrets.put("encryption key", "e2e-encryption-key");

        List<String> leaks = new ArrayList<>(leaks("the logs", output.getAll(), secrets));
        for (Http.Response answer : answers) {
            leaks.addAll(leaks("an answer", answer.raw() == null ? "" : answer.raw(), secrets));
        }
        Map<String, String> notTheAdminKey = new LinkedHashMap<>(secrets);
        notTheAdminKey.remove("admin key");
        leaks.addAll(leaks("the account's creation", created.raw(), notTheAdminKey));
        Map<String, String> notTheAgentKey = new LinkedHashMap<>(secrets);
        notTheAgentKey.remove("agent key");
        leaks.addAll(leaks("the agent key's issue", issued.raw(), notTheAgentKey));
        assertThat(leaks).isEmpty();
    }

    /** Records the answer: it must not carry any secret. */
    Http.Response call(String method, String path, String key, String json) {
        Http.Response response = http.call(method, path, key, json);
        answers.add(response);
        return response;
    }

    /** The bridge picks the new bot up on its next reload and identifies with its token. */
    static void awaitSessionWithToken(String token) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (gateway.received(2).stream().noneMatch(p -> token.equals(p.data().path("token").asText()))) {
            assertThat(System.nanoTime()).as("a gateway session with the custom bot's token").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static void awaitOutput(CapturedOutput output, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!output.getAll().contains(text)) {
            assertThat(System.nanoTime()).as("output: " + text).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** Each line that holds a secret, with the secrets masked so the failure message does not spread them. */
    static List<String> leaks(String where, String text, Map<String, String> secrets) {
        List<String> found = new ArrayList<>();
        text.lines().forEach(line -> secrets.forEach((name, secret) -> {
            if (line.contains(secret)) {
                String masked = line;
                for (Map.Entry<String, String> s : secrets.entrySet()) {
                    masked = masked.replace(s.getValue(), "<" + s.getKey() + ">");
                }
                found.add(name + " in " + where + ": " + (masked.length() > 400 ? masked.substring(0, 400) + "..." : masked));
            }
        }));
        return found;
    }
}
