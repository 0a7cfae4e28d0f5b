package dev.steward.workers.discord;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import dev.steward.core.discord.DiscordClients;
import io.temporal.failure.ApplicationFailure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Discord REST port on Discord4J's real client against WireMock. */
class RestDiscordActionsTest {
    static final String TOKEN = "MTExMTExMTExMTExMTExMTEx.fake.token";
    static WireMockServer discord = new WireMockServer(WireMockConfiguration.options().dynamicPort());
    RestDiscordActions actions;

    @BeforeAll
    static void start() {
        discord.start();
    }

    @AfterAll
    static void stop() {
        discord.stop();
    }

    @BeforeEach
    void client() {
        discord.resetAll();
        actions = new RestDiscordActions(DiscordClients.create(TOKEN, discord.baseUrl() + "/api/v10", 50),
                DiscordClients.forInteractions(TOKEN, discord.baseUrl() + "/api/v10"), Duration.ofSeconds(3));
    }

    static String message(String id) {
        return """
                {"id":"%s","channel_id":"200","author":{"id":"1","username":"steward","discriminator":"0","avatar":null,"bot":true},
                 "content":"ok","timestamp":"2026-11-23T10:00:00.000000+00:00","edited_timestamp":null,"tts":false,
                 "mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":19}
                """.formatted(id);
    }

    @Test
    void replyReferencesTheMemberPingsNoOneAndCarriesANonce() {
        discord.stubFor(post("/api/v10/channels/200/messages").willReturn(okJson(message("900"))));

        String id = actions.sendMessage(new OutgoingMessage("100", "200", "Hi @everyone", "300", "nonce-1"));

        assertThat(id).isEqualTo("900");
        discord.verify(1, postRequestedFor(urlEqualTo("/api/v10/channels/200/messages"))
                .withHeader("Authorization", equalTo("Bot " + TOKEN))
                .withRequestBody(matchingJsonPath("$.nonce", equalTo("nonce-1")))
                .withRequestBody(matchingJsonPath("$.enforce_nonce", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.message_reference.message_id", equalTo("300")))
                .withRequestBody(matchingJsonPath("$.message_reference.fail_if_not_exists", equalTo("false")))
                .withRequestBody(equalToJson("{\"allowed_mentions\":{\"parse\":[],\"roles\":[],\"users\":[],\"replied_user\":false}}", true, true)));
    }

    @Test
    void missingPermissionIsNotRetried() {
        discord.stubFor(delete("/api/v10/channels/200/messages/300").willReturn(aResponse().withStatus(403)
                .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Missing Permissions\",\"code\":50013}")));

        assertThatThrownBy(() -> actions.deleteMessage("100", "200", "300", "spam"))
                .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
                    assertThat(f.isNonRetryable()).isTrue();
                    assertThat(f.getOriginalMessage()).contains("403", "50013");
                });
    }

    /** A model's reason may span lines and use any script: Discord reads the header percent-encoded. */
    @Test
    void theAuditLogReasonIsPercentEncodedAndClipped() {
        discord.stubFor(delete(urlPathMatching("/api/v10/channels/200/messages/.*")).willReturn(noContent()));

        actions.deleteMessage("100", "200", "300", "selling accounts\nagain — über");
        actions.deleteMessage("100", "200", "301", "é".repeat(400));

        discord.verify(deleteRequestedFor(urlEqualTo("/api/v10/channels/200/messages/300"))
                .withHeader("X-Audit-Log-Reason", equalTo("selling%20accounts%0Aagain%20%E2%80%94%20%C3%BCber")));
        String clipped = discord.findAll(deleteRequestedFor(urlEqualTo("/api/v10/channels/200/messages/301"))).get(0)
                .getHeader("X-Audit-Log-Reason");
        assertThat(clipped).hasSizeLessThanOrEqualTo(512).isEqualTo("%C3%A9".repeat(85));
    }

    static ResponseDefinitionBuilder notFound(String message, int code) {
        return aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"" + message + "\",\"code\":" + code + "}");
    }

    /** Their goal is met: the message is gone, the member is out (a retry after a lost answer, or they left). */
    @Test
    void deletingAMessageAlreadyGoneAndKickingAMemberWhoLeftAreDone() {
        discord.stubFor(delete("/api/v10/channels/200/messages/300").willReturn(notFound("Unknown Message", 10008)));
        discord.stubFor(delete("/api/v10/guilds/100/members/400").willReturn(notFound("Unknown Member", 10007)));

        actions.deleteMessage("100", "200", "300", "spam");
        actions.kickMember("100", "400", "spam");

        discord.verify(1, deleteRequestedFor(urlEqualTo("/api/v10/channels/200/messages/300")));
        discord.verify(1, deleteRequestedFor(urlEqualTo("/api/v10/guilds/100/members/400")));
    }

    /** A ban holds a member who left, a timeout does not; an unknown channel is a wrong target. */
    @Test
    void otherNotFoundAnswersStillFail() {
        discord.stubFor(delete("/api/v10/channels/200/messages/300").willReturn(notFound("Unknown Channel", 10003)));
        discord.stubFor(put(urlPathEqualTo("/api/v10/guilds/100/bans/400")).willReturn(notFound("Unknown User", 10013)));
        discord.stubFor(patch(urlPathEqualTo("/api/v10/guilds/100/members/400"))
                .willReturn(notFound("Unknown Member", 10007)));

        assertThatThrownBy(() -> actions.deleteMessage("100", "200", "300", "spam")).hasMessageContaining("10003");
        assertThatThrownBy(() -> actions.banMember("100", "400", "spam")).hasMessageContaining("10013");
        assertThatThrownBy(() -> actions.timeoutMember("100", "400", Duration.ofMinutes(10), "spam"))
                .isInstanceOfSatisfying(ApplicationFailure.class, f -> {
                    assertThat(f.isNonRetryable()).isTrue();
                    assertThat(f.getOriginalMessage()).contains("404", "10007");
                });
    }

    @Test
    void serverErrorsAreLeftToTemporalRetries() {
        discord.stubFor(post("/api/v10/channels/200/messages").willReturn(aResponse().withStatus(502)));

        assertThatThrownBy(() -> actions.sendMessage(new OutgoingMessage("100", "200", "hi", null, "n")))
                .isNotInstanceOf(ApplicationFailure.class)
                .hasMessageContaining("Timeout");
        discord.verify(moreThanOrExactly(1), postRequestedFor(urlEqualTo("/api/v10/channels/200/messages")));
    }

    @Test
    void moderationActionsHitTheirRoutesWithTheAuditLogReason() {
        discord.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(204)));
        discord.stubFor(patch(urlPathMatching("/api/v10/guilds/100/members/400")).willReturn(okJson(
                "{\"user\":{\"id\":\"400\",\"username\":\"m\",\"discriminator\":\"0\",\"avatar\":null},\"roles\":[],"
                        + "\"joined_at\":\"2026-01-01T00:00:00+00:00\",\"deaf\":false,\"mute\":false}")));

        actions.deleteMessage("100", "200", "300", "spam");
        actions.kickMember("100", "400", "spam");
        actions.banMember("100", "400", "spam");
        actions.timeoutMember("100", "400", Duration.ofMinutes(10), "spam");

        discord.verify(deleteRequestedFor(urlEqualTo("/api/v10/channels/200/messages/300")).withHeader("X-Audit-Log-Reason", equalTo("spam")));
        discord.verify(deleteRequestedFor(urlEqualTo("/api/v10/guilds/100/members/400")).withHeader("X-Audit-Log-Reason", equalTo("spam")));
        discord.verify(putRequestedFor(urlPathEqualTo("/api/v10/guilds/100/bans/400")).withHeader("X-Audit-Log-Reason", equalTo("spam")));
        discord.verify(patchRequestedFor(urlEqualTo("/api/v10/guilds/100/members/400"))
                .withRequestBody(matchingJsonPath("$.communication_disabled_until")));
    }

    @Test
    void interactionAnswerEditsTheOriginalResponse() {
        discord.stubFor(patch(urlPathEqualTo("/api/v10/webhooks/555/tok/messages/@original")).willReturn(okJson(message("901"))));

        actions.editInteractionResponse("555", "tok", "the answer");

        discord.verify(1, patchRequestedFor(urlPathEqualTo("/api/v10/webhooks/555/tok/messages/@original"))
                .withRequestBody(matchingJsonPath("$.content", equalTo("the answer")))
                .withRequestBody(equalToJson("{\"allowed_mentions\":{\"parse\":[]}}", true, true)));
    }

    /**
     * Discord holds a bot that drew a global 429 off every route for Retry-After, except interaction endpoints:
     * an /ask answer still goes out (through the bot's limiter it would wait ten minutes, past the call's 3 s).
     */
    @Test
    void anInteractionAnswerGoesOutWhileTheBotSitsOutAGlobalRateLimit() {
        discord.stubFor(post(urlPathEqualTo("/api/v10/channels/200/messages")).willReturn(aResponse().withStatus(429)
                .withHeader("Content-Type", "application/json").withHeader("X-RateLimit-Global", "true")
                .withHeader("Retry-After", "600")
                .withBody("{\"message\":\"You are being rate limited.\",\"retry_after\":600,\"global\":true}")));
        discord.stubFor(patch(urlPathEqualTo("/api/v10/webhooks/555/tok/messages/@original")).willReturn(okJson(message("901"))));

        assertThatThrownBy(() -> actions.sendMessage(new OutgoingMessage("100", "200", "hello", null, "nonce-1")))
                .as("the bot now waits ten minutes").isInstanceOf(RuntimeException.class);
        actions.editInteractionResponse("555", "tok", "the answer");

        discord.verify(1, patchRequestedFor(urlPathEqualTo("/api/v10/webhooks/555/tok/messages/@original")));
    }

    /**
     * Discord allows a bot 50 requests per second in all (STEWARD_DISCORD_REQUESTS_PER_SECOND); the client holds
     * what goes over its limit instead of drawing 429s. Six sends to six channels (six rate-limit buckets, which
     * alone would not wait) at two per second take at least two seconds from the first to the last.
     */
    @Test
    void theBotsRequestsPerSecondAreLimited() throws Exception {
        discord.stubFor(post(urlPathMatching("/api/v10/channels/.*/messages")).willReturn(okJson(message("900"))));
        RestDiscordActions limited = new RestDiscordActions(DiscordClients.create(TOKEN, discord.baseUrl() + "/api/v10", 2),
                DiscordClients.forInteractions(TOKEN, discord.baseUrl() + "/api/v10"), Duration.ofSeconds(10));

        var pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        var sends = java.util.stream.IntStream.range(0, 6).mapToObj(i -> pool.submit(() -> limited.sendMessage(
                new OutgoingMessage("100", "20" + i, "part " + i, null, "nonce-" + i)))).toList();
        for (var send : sends) {
            assertThat(send.get()).isEqualTo("900");
        }
        pool.shutdown();

        var times = discord.findAll(postRequestedFor(urlPathMatching("/api/v10/channels/.*/messages"))).stream()
                .map(r -> r.getLoggedDate().getTime()).sorted().toList();
        assertThat(times).hasSize(6);
        assertThat(times.get(5) - times.get(0)).isGreaterThanOrEqualTo(1_500);
    }
}
