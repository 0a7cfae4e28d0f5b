package dev.steward.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.core.account.Account;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.message.MessageWorkflowStarter;
import dev.steward.core.quota.QuotaPeriods;
import dev.steward.testing.db.TestDatabase;
import dev.steward.testing.discord.FakeDiscordGateway;
import dev.steward.testing.discord.FakeGuild;
import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.GatewayPayloads;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.testing.ollama.OllamaStubs;
import dev.steward.workflows.message.MessageOutcome;
import dev.steward.workflows.message.MessageWorkflowIds;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The whole pipeline through real parts: Discord4J's gateway client on a fake gateway, WireMock as Discord's
 * REST API and as Ollama, the embedded Temporal server, PostgreSQL.
 */
@SpringBootTest(classes = StewardLocal.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steward.local.temporal-port=0", "steward.operator-api-key=e2e-operator"})
class MentionEndToEndTest {
    static final long GUILD = 810000000000000001L;
    static final long CHANNEL = 820000000000000001L;
    static final FakeUser ALICE = FakeUser.human(830000000000000001L, "alice");
    static final String ANSWER = "Open Settings > Account and choose Reset password. @everyone";

    static final WireMockServer discord = started();
    static final WireMockServer ollama = started();
    static final FakeDiscordGateway gateway = FakeDiscordGateway.start(FakeGuild.of(GUILD, "Acme", CHANNEL));

    static WireMockServer started() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return server;
    }

    @DynamicPropertySource
    static void parts(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
        gateway.stubRestLogin(discord);
        registry.add("steward.discord.bot-token", gateway::botToken);
        registry.add("steward.discord.api-base-url", discord::baseUrl);
        registry.add("steward.ai.base-url", ollama::baseUrl);
    }

    /** The gateway stays up until the JVM exits: the cached Spring context logs its client out at shutdown. */
    @AfterAll
    static void stop() {
        ollama.resetAll();
    }

    @Autowired AccountRepository accounts;
    @Autowired GuildRepository guilds;
    @Autowired MessageWorkflowStarter starter;
    @Autowired WorkflowClient client;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void connected() {
        if (guilds.findByDiscordGuildId(Long.toString(GUILD)).isEmpty()) {
            long account = accounts.save(Account.create("Acme", Plan.STARTER, "", Instant.now())).id();
            guilds.save(Guild.connect(Long.toString(GUILD), account, "Acme", Instant.now()));
        }
        discord.stubFor(post(urlPathMatching("/channels/\\d+/messages")).willReturn(okJson(botMessage())));
        OllamaStubs.answer(ollama, ANSWER);
        gateway.awaitReady(Duration.ofSeconds(30));
    }

    @Test
    void mentionGetsExactlyOneReplyEvenWhenTheEventIsDeliveredTwice() {
        MessageCreateBuilder mention = GatewayPayloads.messageCreate().in(GUILD, CHANNEL).author(ALICE)
                .content(gateway.botUser().mention() + " how do I reset my password?").mentions(gateway.botUser());

        gateway.dispatchMessageCreate(mention);
        MessageOutcome outcome = outcomeOf(GUILD, mention.id());
        gateway.dispatchMessageCreate(mention);
        outcomeOf(GUILD, mention.id());

        assertThat(outcome.status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        List<LoggedRequest> sends = sendsTo(CHANNEL, mention.id());
        assertThat(sends).hasSize(1);
        String body = sends.get(0).getBodyAsString();
        assertThat(body).contains("\"message_id\":\"" + mention.id() + "\"", "\"enforce_nonce\":true",
                "\"parse\":[]", "\"roles\":[]", "\"users\":[]", "\"replied_user\":false",
                "Open Settings > Account");
        assertThat(body).doesNotContain("@everyone").containsPattern("\"nonce\":\"[A-Za-z0-9_-]{1,25}\"");
        ollama.verify(postRequestedFor(urlPathEqualTo("/api/chat"))
                .withRequestBody(containing("how do I reset my password?")));
    }

    @Test
    void followUpQuestionCarriesTheMembersEarlierExchange() {
        FakeUser bob = FakeUser.human(830000000000000002L, "bob");
        MessageCreateBuilder first = mentionFrom(bob, "what is the refund window?");
        gateway.dispatchMessageCreate(first);
        outcomeOf(GUILD, first.id());
        MessageCreateBuilder second = mentionFrom(bob, "and for annual plans?");
        gateway.dispatchMessageCreate(second);
        outcomeOf(GUILD, second.id());

        List<LoggedRequest> chats = ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat"))
                .withRequestBody(containing("and for annual plans?")));
        assertThat(chats).hasSize(1);
        assertThat(chats.get(0).getBodyAsString()).contains("what is the refund window?", "Open Settings > Account");
    }

    @Test
    void modelRejectingTheRequestGetsTheFallbackReplyAtOnce() {
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1)
                .withRequestBody(containing("trigger a model error"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"model 'qwen' not found\"}")));
        MessageCreateBuilder mention = mentionFrom(FakeUser.human(830000000000000003L, "carol"), "trigger a model error");
        gateway.dispatchMessageCreate(mention);

        assertThat(outcomeOf(GUILD, mention.id()).status()).isEqualTo(MessageOutcome.Status.FALLBACK_ANSWERED);
        ollama.verify(1, postRequestedFor(urlPathEqualTo("/api/chat")).withRequestBody(containing("trigger a model error")));
        assertThat(sendsTo(CHANNEL, mention.id())).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("Sorry, I can't answer right now"));
    }

    @Test
    void spentQuotaCallsNoModelAndTellsTheChannelOnce() {
        long guild = 810000000000000002L;
        Account account = accounts.save(Account.create("Spent", Plan.STARTER, "", Instant.now()));
        guilds.save(Guild.connect(Long.toString(guild), account.id(), "Spent", Instant.now()));
        jdbc.sql("INSERT INTO quota_usage (account_id, period, used) VALUES (?, ?, 2500)")
                .params(account.id(), QuotaPeriods.periodOf(Instant.now(), account.billingAnchor()).key()).update();
        MessageCreateBuilder first = GatewayPayloads.messageCreate().in(guild, CHANNEL).author(ALICE)
                .content(gateway.botUser().mention() + " quota question one").mentions(gateway.botUser());
        MessageCreateBuilder second = GatewayPayloads.messageCreate().in(guild, CHANNEL).author(ALICE)
                .content(gateway.botUser().mention() + " quota question two").mentions(gateway.botUser());

        gateway.dispatchMessageCreate(first);
        assertThat(outcomeOf(guild, first.id()).status()).isEqualTo(MessageOutcome.Status.QUOTA_EXHAUSTED);
        gateway.dispatchMessageCreate(second);
        assertThat(outcomeOf(guild, second.id()).status()).isEqualTo(MessageOutcome.Status.QUOTA_EXHAUSTED);

        ollama.verify(0, postRequestedFor(urlPathEqualTo("/api/chat")).withRequestBody(containing("quota question")));
        assertThat(sendsTo(CHANNEL, first.id())).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).contains("The assistant is unavailable right now"));
        assertThat(sendsTo(CHANNEL, second.id())).isEmpty();
    }

    @Test
    void messagesFromBotsStartNothing() {
        MessageCreateBuilder fromBot = GatewayPayloads.messageCreate().in(GUILD, CHANNEL)
                .author(FakeUser.bot(840000000000000001L, "otherbot"))
                .content(gateway.botUser().mention() + " ping").mentions(gateway.botUser());
        gateway.dispatchMessageCreate(fromBot);
        MessageCreateBuilder after = mentionFrom(ALICE, "after the bot");
        gateway.dispatchMessageCreate(after);
        outcomeOf(GUILD, after.id());

        assertThatThrownBy(() -> client.newUntypedWorkflowStub(MessageWorkflowIds.forMessage(
                Long.toString(GUILD), Long.toString(fromBot.id()))).describe())
                .isInstanceOf(WorkflowNotFoundException.class);
        assertThat(sendsTo(CHANNEL, fromBot.id())).isEmpty();
    }

    @Test
    void messagesFromUnconnectedGuildsAreIgnored() {
        long unknownGuild = 899999999999999999L;
        MessageCreateBuilder stranger = GatewayPayloads.messageCreate().in(unknownGuild, CHANNEL).author(ALICE)
                .content(gateway.botUser().mention() + " hi").mentions(gateway.botUser());
        gateway.dispatchMessageCreate(stranger);

        assertThat(outcomeOf(unknownGuild, stranger.id()).status()).isEqualTo(MessageOutcome.Status.IGNORED_UNKNOWN_GUILD);
        assertThat(sendsTo(CHANNEL, stranger.id())).isEmpty();
    }

    @Test
    void badInputIsSkippedAndTheSessionKeepsWorking() {
        gateway.sendRaw("{\"op\":0,\"t\":\"MESSAGE_CREATE\",\"s\":999,\"d\":{\"id\":\"not-a-snowflake\"}}");
        MessageCreateBuilder empty = GatewayPayloads.messageCreate().in(GUILD, CHANNEL).author(ALICE)
                .content("").mentions(gateway.botUser());
        gateway.dispatchMessageCreate(empty);
        MessageCreateBuilder huge = mentionFrom(ALICE, "x".repeat(4000));
        gateway.dispatchMessageCreate(huge);

        assertThat(outcomeOf(GUILD, empty.id()).status()).isEqualTo(MessageOutcome.Status.IGNORED_EMPTY);
        assertThat(outcomeOf(GUILD, huge.id()).status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        assertThat(sendsTo(CHANNEL, huge.id())).hasSize(1);
    }

    MessageCreateBuilder mentionFrom(FakeUser author, String text) {
        return GatewayPayloads.messageCreate().in(GUILD, CHANNEL).author(author)
                .content(gateway.botUser().mention() + " " + text).mentions(gateway.botUser());
    }

    /** Waits for the bridge to start the message's workflow, then for its outcome. */
    MessageOutcome outcomeOf(long guild, long messageId) {
        String id = MessageWorkflowIds.forMessage(Long.toString(guild), Long.toString(messageId));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                return starter.awaitOutcome(id, Duration.ofSeconds(30));
            } catch (WorkflowNotFoundException notStartedYet) {
                if (System.nanoTime() > deadline) {
                    throw notStartedYet;
                }
                sleep();
            }
        }
    }

    static List<LoggedRequest> sendsTo(long channel, long replyTo) {
        return discord.findAll(postRequestedFor(urlPathEqualTo("/channels/" + channel + "/messages"))
                .withRequestBody(containing("\"message_id\":\"" + replyTo + "\"")));
    }

    static String botMessage() {
        return """
                {"id":"%d","channel_id":"%d","author":{"id":"1","username":"steward","discriminator":"0","avatar":null,"bot":true},
                 "content":"ok","timestamp":"2026-11-23T10:00:00.000000+00:00","edited_timestamp":null,"tts":false,
                 "mention_everyone":false,"mentions":[],"mention_roles":[],"attachments":[],"embeds":[],"pinned":false,"type":19}
                """.formatted(System.nanoTime(), CHANNEL);
    }

    static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
