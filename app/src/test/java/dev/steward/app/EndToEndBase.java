package dev.steward.app;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.core.account.Account;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.core.knowledge.DocumentKind;
import dev.steward.core.knowledge.KnowledgeDocument;
import dev.steward.core.knowledge.KnowledgeDocumentRepository;
import dev.steward.testing.Fixtures;
import dev.steward.workflows.TaskQueues;
import dev.steward.workflows.knowledge.IngestDocumentWorkflow;
import dev.steward.workflows.knowledge.IngestOutcome;
import dev.steward.workflows.knowledge.IngestRequest;
import io.temporal.client.WorkflowOptions;
import dev.steward.core.message.MessageWorkflowStarter;
import dev.steward.core.quota.QuotaPeriods;
import dev.steward.testing.db.TestDatabase;
import dev.steward.testing.discord.FakeDiscordGateway;
import dev.steward.testing.discord.FakeGuild;
import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.GatewayPayloads;
import dev.steward.testing.discord.InteractionSigner;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.testing.ollama.OllamaStubs;
import dev.steward.workflows.message.MessageOutcome;
import dev.steward.workflows.message.MessageWorkflowIds;
import dev.steward.workflows.guild.ResponseMode;
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
 * What the end-to-end tests share, in one Spring context: the whole pipeline through real parts. Discord4J's
 * gateway client on a fake gateway, WireMock as Discord's REST API and as Ollama, the embedded Temporal server,
 * PostgreSQL, and the shipped handbook as the account's knowledge base.
 */
@SpringBootTest(classes = StewardLocal.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"steward.local.temporal-port=0", "steward.operator-api-key=e2e-operator",
                "steward.rate-limit.per-member=" + EndToEndBase.RATE_LIMIT, "steward.encryption-key=e2e-encryption-key",
                "steward.gateway.reload-interval=300ms",
                // The fake sites that knowledge pages are fetched from run on loopback.
                "steward.knowledge.fetch-private-addresses=true",
                // Every workflow task replays its whole history: a determinism check on every message of the
                // suite. The worker death test needs it too (the test server never times a sticky task out).
                "steward.worker.sticky-queue-timeout=0s"})
abstract class EndToEndBase {
    /** For benchmarks: workers as local mode runs them, with sticky queues (the tests turn them off). */
    static final String LOCAL_MODE_WORKERS = "steward.worker.sticky-queue-timeout=5s";
    static final long GUILD = 810000000000000001L;
    static final long CHANNEL = 820000000000000001L;
    static final FakeUser ALICE = FakeUser.human(830000000000000001L, "alice");
    static final String ANSWER = "Open Settings > Account and choose Reset password. @everyone";

    static final WireMockServer discord = started();
    static final WireMockServer ollama = started();
    static final GreenMail smtp = startedSmtp();
    static final FakeDiscordGateway gateway = FakeDiscordGateway.start(FakeGuild.of(GUILD, "Acme", CHANNEL));
    /** The shared application's key pair: the interactions endpoint verifies with its public half. */
    static final InteractionSigner interactions = new InteractionSigner();
    static final String APPLICATION_ID = "880000000000000001";
    /** Questions per member per minute; tests that are not about it ask fewer from any one member. */
    static final int RATE_LIMIT = 8;

    static WireMockServer started() {
        // Stub request logging formats every request and response into a string, even when the notifier drops it.
        // Delayed answers (the model stub's) wait on a timer instead of a Jetty thread each, and no one asks for gzip.
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort()
                .stubRequestLoggingDisabled(true).asynchronousResponseEnabled(true).asynchronousResponseThreads(4)
                .gzipDisabled(true));
        server.start();
        return server;
    }

    static GreenMail startedSmtp() {
        GreenMail server = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
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
        registry.add("steward.discord.public-key", interactions::publicKeyHex);
        registry.add("steward.discord.application-id", () -> APPLICATION_ID);
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> smtp.getSmtp().getPort());
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
    @Autowired KnowledgeDocumentRepository documents;

    static long account;

    @BeforeEach
    void connected() {
        if (account == 0) {
            account = accounts.save(Account.create("Acme", Plan.STARTER, "", Instant.now())).id();
            guilds.save(Guild.connect(Long.toString(GUILD), account, "Acme", Instant.now()));
            ingestHandbook(account);
        }
        discord.stubFor(post(urlPathMatching("/channels/\\d+/messages")).willReturn(okJson(botMessage())));
        OllamaStubs.answer(ollama, ANSWER);
        gateway.awaitReady(Duration.ofSeconds(30));
    }

    /** The shipped handbook, through the real ingestion workflow. */
    void ingestHandbook(long accountId) {
        KnowledgeDocument doc = documents.save(KnowledgeDocument.pending(accountId, "Acme Cloud Handbook", null,
                DocumentKind.MARKDOWN, Fixtures.text(Fixtures.HANDBOOK), Instant.now()));
        IngestOutcome outcome = client.newWorkflowStub(IngestDocumentWorkflow.class, WorkflowOptions.newBuilder()
                        .setWorkflowId(IngestDocumentWorkflow.workflowId(doc.id(), 1)).setTaskQueue(TaskQueues.MESSAGES).build())
                .ingest(new IngestRequest(doc.id(), 1, false));
        assertThat(outcome.status()).isEqualTo(IngestOutcome.Status.READY);
    }

    MessageCreateBuilder mentionFrom(FakeUser author, String text) {
        return GatewayPayloads.messageCreate().in(GUILD, CHANNEL).author(author)
                .content(gateway.botUser().mention() + " " + text).mentions(gateway.botUser());
    }

    /** Waits for the bridge to start the message's workflow, then for its outcome. */
    MessageOutcome outcomeOf(long guild, long messageId) {
        return outcomeOfWorkflow(MessageWorkflowIds.forMessage(Long.toString(guild), Long.toString(messageId)));
    }

    /** Waits for a workflow to be started (by the bridge or the endpoint), then for its outcome. */
    MessageOutcome outcomeOfWorkflow(String id) {
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

    /** Another guild of the same account (so it shares the knowledge base) with its own settings. */
    void guildWith(long guildId, ResponseMode mode, boolean smart, boolean awareness) {
        if (guilds.findByDiscordGuildId(Long.toString(guildId)).isEmpty()) {
            Guild guild = guilds.save(Guild.connect(Long.toString(guildId), account, "G" + guildId, Instant.now()));
            guilds.save(guild.withSettings(mode, smart, awareness, "", guild.takeoverTimeoutSeconds(), Instant.now()));
        }
    }
}
