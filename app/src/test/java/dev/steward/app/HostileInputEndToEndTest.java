package dev.steward.app;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.testing.ollama.OllamaStubs;
import dev.steward.workflows.message.MessageOutcome;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input that a careless service turns into a 500, a stuck workflow or a ping: oversized and deeply nested
 * bodies, invalid UTF-8, NUL and control characters, and mass mentions in model output.
 */
class HostileInputEndToEndTest extends EndToEndBase {
    @LocalServerPort int port;
    Http http;
    static String admin;

    @BeforeEach
    void account() {
        http = new Http(port);
        if (admin == null) {
            admin = http.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Hostile\",\"plan\":\"PRO\"}")
                    .get("adminKey").get("key").asString();
        }
    }

    private HttpResponse<String> raw(String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anOversizedBodyIsRefusedWith413BeforeItIsRead() throws Exception {
        byte[] body = ("{\"title\":\"big\",\"contentType\":\"text/plain\",\"content\":\"" + "x".repeat(5 * 1024 * 1024) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = raw("/api/knowledge/documents", body);
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("larger than");
    }

    @Test
    void deeplyNestedJsonIsA400NotAStackOverflow() throws Exception {
        String nested = "[".repeat(100_000) + "]".repeat(100_000);
        HttpResponse<String> response = raw("/api/knowledge/documents",
                ("{\"title\":" + nested + "}").getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("Malformed JSON");
    }

    @Test
    void invalidUtf8IsA400() throws Exception {
        byte[] prefix = "{\"title\":\"bad ".getBytes(StandardCharsets.UTF_8);
        byte[] suffix = "\",\"contentType\":\"text/plain\",\"content\":\"text\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[prefix.length + 2 + suffix.length];
        System.arraycopy(prefix, 0, body, 0, prefix.length);
        body[prefix.length] = (byte) 0xC3;
        body[prefix.length + 1] = (byte) 0x28; // not a continuation byte
        System.arraycopy(suffix, 0, body, prefix.length + 2, suffix.length);
        assertThat(raw("/api/knowledge/documents", body).statusCode()).isEqualTo(400);
    }

    @Test
    void nulAndControlCharactersInABodyAreDroppedNotA500() {
        long id = http.ok("POST", "/api/knowledge/documents", admin, "{\"title\":\"Ctrl\\u0000title\\u0007\","
                + "\"contentType\":\"text/plain\",\"content\":\"Line one\\u0000 with NUL.\\nLine two\\u001b[31m.\"}").get("id").asLong();
        KnowledgeWait.untilReady(http, admin, id);
        assertThat(jdbc.sql("SELECT title FROM knowledge_document WHERE id = ?").param(id).query(String.class).single())
                .isEqualTo("Ctrltitle");
    }

    @Test
    void aDiscordMessageWithNulIsAnsweredAndStoredCleanAndModelOutputPingsNoOne() {
        OllamaStubs.answer(ollama, "Ask @here or <@&555000000000000001> or @everyone: reset it under Settings.");
        FakeUser member = FakeUser.human(830000000000000091L, "n\u0000ull");
        MessageCreateBuilder mention = mentionFrom(member, "how do I reset\u0000 my password?\u0001");
        gateway.dispatchMessageCreate(mention);

        assertThat(outcomeOf(GUILD, mention.id()).status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        List<LoggedRequest> sends = sendsTo(CHANNEL, mention.id());
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).getBodyAsString()).doesNotContain("@here", "@everyone", "<@&")
                .contains("\"parse\":[]", "\"roles\":[]");
        assertThat(jdbc.sql("SELECT content FROM conversation_message WHERE turn_key LIKE ?")
                .param("%" + mention.id() + ":member").query(String.class).single())
                .endsWith("how do I reset my password?");
    }
}
