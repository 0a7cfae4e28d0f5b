package dev.steward.app;

import dev.steward.core.guild.Guild;
import dev.steward.core.guild.ProactiveSettings;
import dev.steward.core.proactive.ProactiveSchedules;
import dev.steward.core.quota.QuotaPeriods;
import dev.steward.testing.ollama.OllamaStubs;
import dev.steward.workers.proactive.ProactiveReconciler;
import dev.steward.workflows.guild.ResponseMode;
import dev.steward.workflows.proactive.PostFrequency;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;

/** Proactive posts through the API, the cron workflow's runs, WireMock Discord and WireMock Ollama. */
class ProactiveEndToEndTest extends EndToEndBase {
    static final String POST = "Tip of the day: rollbacks are instant, open Deployments and promote an earlier build.";
    @LocalServerPort int port;
    @Autowired ProactiveSchedules schedules;
    @Autowired ProactiveReconciler reconciler;
    Http http;
    String admin;

    @BeforeEach
    void adminKeyAndStubs() {
        http = new Http(port);
        admin = http.ok("POST", "/api/accounts/" + account + "/keys", "e2e-operator",
                "{\"role\":\"ADMIN\",\"name\":\"proactive\"}").get("key").asString();
        ollama.stubFor(OllamaStubs.chatAnswers(POST).atPriority(1).withRequestBody(containing("You write one short")));
    }

    long guildWithChannels(long guildId, String channelsJson) {
        guildWith(guildId, ResponseMode.MENTION, true, false);
        discord.stubFor(get(urlPathEqualTo("/guilds/" + guildId + "/channels")).willReturn(okJson(channelsJson)));
        return guildId;
    }

    void enable(long guild, String channel) {
        JsonNode view = http.ok("PUT", "/api/guilds/" + guild + "/proactive", admin, "{\"enabled\":true,\"channelName\":\""
                + channel + "\",\"frequency\":\"DAILY\",\"topics\":[\"deployments\",\"rollbacks\"]}");
        assertThat(view.get("scheduled").asBoolean()).isTrue();
    }

    JsonNode postNowAndWait(long guild) {
        int before = http.ok("GET", "/api/guilds/" + guild + "/proactive/posts", admin, null).size();
        http.ok("POST", "/api/guilds/" + guild + "/proactive/posts", admin, null);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            JsonNode posts = http.ok("GET", "/api/guilds/" + guild + "/proactive/posts", admin, null);
            if (posts.size() > before || System.nanoTime() > deadline) {
                return posts.get(0);
            }
            sleep();
        }
    }

    @Test
    void aRunPostsTheGeneratedTextToTheNamedChannel() {
        long guild = guildWithChannels(810000000000000201L,
                "[{\"id\":\"870000000000000001\",\"name\":\"general\",\"type\":0},{\"id\":\"870000000000000002\",\"name\":\"voice\",\"type\":2}]");
        enable(guild, "#general");

        JsonNode post = postNowAndWait(guild);

        assertThat(post.get("outcome").asString()).isEqualTo("POSTED");
        assertThat(post.get("content").asString()).isEqualTo(POST);
        discord.verify(1, postRequestedFor(urlPathEqualTo("/channels/870000000000000001/messages"))
                .withRequestBody(containing("rollbacks are instant"))
                .withRequestBody(matchingJsonPath("$.nonce"))
                .withRequestBody(equalToJson("{\"allowed_mentions\":{\"parse\":[]}}", true, true)));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM quota_ledger WHERE discord_guild_id = ? AND kind = 'PROACTIVE'")
                .param(Long.toString(guild)).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aMissingChannelIsRecordedAsAnErrorWithoutARetryStorm() {
        long guild = guildWithChannels(810000000000000202L, "[{\"id\":\"870000000000000003\",\"name\":\"random\",\"type\":0}]");
        enable(guild, "announcements");

        JsonNode post = postNowAndWait(guild);

        assertThat(post.get("outcome").asString()).isEqualTo("FAILED");
        assertThat(post.get("reason").asString()).contains("No text channel named #announcements");
        discord.verify(1, getRequestedFor(urlPathEqualTo("/guilds/" + guild + "/channels")));
    }

    @Test
    void aSpentQuotaSkipsThePostAndCallsNoModel() {
        long spentAccount = accounts.save(dev.steward.core.account.Account.create("Spent", dev.steward.core.account.Plan.STARTER,
                "", Instant.now())).id();
        long guild = 810000000000000203L;
        Guild g = guilds.save(Guild.connect(Long.toString(guild), spentAccount, "Spent", Instant.now()));
        guilds.save(g.withProactive(new ProactiveSettings(true, "general", PostFrequency.DAILY, "weekly tips"), Instant.now()));
        jdbc.sql("INSERT INTO quota_usage (account_id, period, used) VALUES (?, ?, 2500)").params(spentAccount,
                QuotaPeriods.periodOf(Instant.now(), accounts.findById(spentAccount).orElseThrow().billingAnchor()).key()).update();
        int modelCalls = ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat"))).size();

        String id = schedules.postNow(Long.toString(guild), System.nanoTime());
        client.newUntypedWorkflowStub(id).getResult(dev.steward.workflows.proactive.PostOutcome.class);

        assertThat(jdbc.sql("SELECT outcome || ':' || reason FROM proactive_post WHERE discord_guild_id = ?")
                .param(Long.toString(guild)).query(String.class).list()).containsExactly("SKIPPED:quota spent");
        assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")))).hasSize(modelCalls);
    }

    @Test
    void theReconcilerStartsMissingSchedulesAndStopsUnwantedOnes() {
        long guildId = 810000000000000204L;
        guildWith(guildId, ResponseMode.MENTION, true, false);
        Guild guild = guilds.findByDiscordGuildId(Long.toString(guildId)).orElseThrow();
        guilds.save(guild.withProactive(new ProactiveSettings(true, "general", PostFrequency.WEEKLY, "news"), Instant.now()));
        assertThat(schedules.isRunning(Long.toString(guildId))).as("stored but not started").isFalse();

        reconciler.reconcile();
        assertThat(schedules.isRunning(Long.toString(guildId))).isTrue();

        Guild enabled = guilds.findByDiscordGuildId(Long.toString(guildId)).orElseThrow();
        guilds.save(enabled.withProactive(new ProactiveSettings(false, "general", PostFrequency.WEEKLY, "news"), Instant.now()));
        reconciler.reconcile();
        assertThat(schedules.isRunning(Long.toString(guildId))).isFalse();
    }

    @Test
    void disablingThroughTheApiStopsTheSchedule() {
        long guild = guildWithChannels(810000000000000205L, "[]");
        enable(guild, "general");
        JsonNode view = http.ok("PUT", "/api/guilds/" + guild + "/proactive", admin,
                "{\"enabled\":false,\"channelName\":\"general\",\"frequency\":\"DAILY\",\"topics\":[\"x\"]}");
        assertThat(view.get("scheduled").asBoolean()).isFalse();
        assertThat(http.call("PUT", "/api/guilds/" + guild + "/proactive", admin,
                "{\"enabled\":true,\"channelName\":\"gen eral\",\"frequency\":\"HOURLY\",\"topics\":[]}").status())
                .isEqualTo(400);
    }
}
