package dev.steward.app;

import dev.steward.testing.discord.InteractionSigner;
import dev.steward.workflows.message.MessageOutcome;
import dev.steward.workflows.message.MessageWorkflowIds;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

/** /ask through the interactions endpoint: signed requests, a deferred answer, the workflow editing it once. */
class AskEndToEndTest extends EndToEndBase {
    static final String APP = APPLICATION_ID;
    @LocalServerPort int port;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void discordAcceptsEdits() {
        discord.stubFor(patch(urlPathMatching("/webhooks/" + APP + "/[^/]+/messages/@original")).willReturn(okJson(botMessage())));
    }

    HttpResponse<String> deliver(String body, String signature, String timestamp) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/discord/interactions"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Signature-Ed25519", signature).header("X-Signature-Timestamp", timestamp);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> signed(String body) throws Exception {
        String timestamp = InteractionSigner.now();
        return deliver(body, interactions.sign(timestamp, body), timestamp);
    }

    static String ask(String interactionId, String token, String question) {
        return """
                {"type":2,"id":"%s","application_id":"%s","token":"%s","guild_id":"%d","channel_id":"%d",
                 "member":{"user":{"id":"830000000000000050","username":"gina"},"roles":[]},
                 "data":{"id":"1","name":"ask","type":1,"options":[{"name":"question","type":3,"value":"%s"}]}}
                """.formatted(interactionId, APP, token, GUILD, CHANNEL, question);
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
        HttpResponse<String> pong = signed("{\"type\":1}");
        assertThat(pong.statusCode()).isEqualTo(200);
        assertThat(pong.body()).isEqualTo("{\"type\":1}");
    }

    @Test
    void badOrMissingSignaturesAre401() throws Exception {
        String body = "{\"type\":1}";
        String timestamp = InteractionSigner.now();
        assertThat(deliver(body, null, null).statusCode()).isEqualTo(401);
        assertThat(deliver(body, new InteractionSigner().sign(timestamp, body), timestamp).statusCode()).isEqualTo(401);
        assertThat(deliver("{\"type\":2}", interactions.sign(timestamp, body), timestamp).statusCode()).isEqualTo(401);
        String stale = Long.toString(System.currentTimeMillis() / 1000 - 3600);
        assertThat(deliver(body, interactions.sign(stale, body), stale).statusCode()).isEqualTo(401);
    }

    @Test
    void askIsDeferredThenTheOriginalResponseIsEditedOnceEvenWhenDeliveredTwice() throws Exception {
        String body = ask("890000000000000001", "tok-one", "how do I reset my password?");

        HttpResponse<String> first = signed(body);
        HttpResponse<String> again = signed(body);

        assertThat(first.body()).isEqualTo("{\"type\":5}");
        assertThat(again.body()).isEqualTo("{\"type\":5}");
        MessageOutcome outcome = starter.awaitOutcome(MessageWorkflowIds.forInteraction("890000000000000001"),
                Duration.ofSeconds(30));
        assertThat(outcome.status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        discord.verify(1, patchRequestedFor(urlPathEqualTo("/webhooks/" + APP + "/tok-one/messages/@original"))
                .withRequestBody(containing("Open Settings > Account"))
                .withRequestBody(equalToJson("{\"allowed_mentions\":{\"parse\":[]}}", true, true)));
        discord.verify(0, postRequestedFor(urlPathMatching("/channels/\\d+/messages"))
                .withRequestBody(containing("890000000000000001")));
    }

    @Test
    void connectingAGuildRegistersAskByBulkOverwrite() {
        discord.stubFor(put(urlPathMatching("/applications/" + APP + "/guilds/\\d+/commands")).willReturn(okJson("[]")));
        Http api = new Http(port);
        String admin = api.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Cmd\",\"plan\":\"PRO\"}")
                .get("adminKey").get("key").asString();
        api.ok("POST", "/api/guilds", admin, "{\"guildId\":\"810000000000000301\",\"name\":\"G\"}");

        discord.verify(1, putRequestedFor(urlPathEqualTo("/applications/" + APP + "/guilds/810000000000000301/commands"))
                .withRequestBody(matchingJsonPath("$[0].name", equalTo("ask")))
                .withRequestBody(matchingJsonPath("$[0].options[0].name", equalTo("question")))
                .withRequestBody(matchingJsonPath("$[0].options[0].required", equalTo("true"))));
    }

    @Test
    void askOverTheGatewayIsDeferredAndAnsweredThroughTheSameWorkflow() {
        discord.stubFor(post(urlPathMatching("/interactions/\\d+/[^/]+/callback")).willReturn(aResponse().withStatus(204)));
        gateway.dispatch("INTERACTION_CREATE", """
                {"id":"890000000000000010","application_id":"%s","type":2,"token":"gw-token","version":1,
                 "guild_id":"%d","channel_id":"%d","locale":"en-US","guild_locale":"en-US","app_permissions":"0",
                 "member":{"user":{"id":"830000000000000051","username":"hal","discriminator":"0","avatar":null},
                           "roles":[],"joined_at":"2026-01-01T00:00:00.000000+00:00","deaf":false,"mute":false,
                           "flags":0,"permissions":"0"},
                 "data":{"id":"1","name":"ask","type":1,
                         "options":[{"name":"question","type":3,"value":"how do I reset my password?"}]}}
                """.formatted(APP, GUILD, CHANNEL));

        MessageOutcome outcome = outcomeOfWorkflow(MessageWorkflowIds.forInteraction("890000000000000010"));

        assertThat(outcome.status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        discord.verify(1, postRequestedFor(urlPathEqualTo("/interactions/890000000000000010/gw-token/callback"))
                .withRequestBody(matchingJsonPath("$.type", equalTo("5"))));
        discord.verify(1, patchRequestedFor(urlPathEqualTo("/webhooks/" + APP + "/gw-token/messages/@original"))
                .withRequestBody(containing("Open Settings > Account")));
    }

    @Test
    void oneMemberAskingTooOftenIsToldToSlowDownEphemerally() throws Exception {
        String body = null;
        for (int i = 0; i <= RATE_LIMIT; i++) {
            body = ask("89000000000000010" + i, "tok-rl-" + i, "how do I reset my password?")
                    .replace("830000000000000050", "830000000000000099");
            HttpResponse<String> response = signed(body);
            if (i < RATE_LIMIT) {
                assertThat(response.body()).isEqualTo("{\"type\":5}");
            } else {
                assertThat(response.body()).contains("\"type\":4", "\"flags\":64", "Slow down");
            }
        }
        assertThat(signed(body).body()).as("a redelivery of the refused one is refused the same way").contains("Slow down");
    }

    @Test
    void anEmptyQuestionGetsAnEphemeralHint() throws Exception {
        HttpResponse<String> response = signed(ask("890000000000000002", "tok-two", " "));
        assertThat(response.body()).contains("\"type\":4", "\"flags\":64", "Ask a question");
    }
}
