package dev.steward.app;

import com.github.tomakehurst.wiremock.WireMockServer;
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
 * @mention answers end to end: exactly once, safe replies, context, fallbacks, bad input, spent quota.
 */
class MentionEndToEndTest extends EndToEndBase {
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
        MessageCreateBuilder first = mentionFrom(bob, "what is the refund policy?");
        gateway.dispatchMessageCreate(first);
        outcomeOf(GUILD, first.id());
        MessageCreateBuilder second = mentionFrom(bob, "and for annual plans?");
        gateway.dispatchMessageCreate(second);
        outcomeOf(GUILD, second.id());

        List<LoggedRequest> chats = ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat"))
                .withRequestBody(containing("and for annual plans?")));
        assertThat(chats).hasSize(1);
        assertThat(chats.get(0).getBodyAsString()).contains("what is the refund policy?", "Open Settings > Account");
    }

    @Test
    void modelRejectingTheRequestGetsTheFallbackReplyAtOnce() {
        ollama.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1)
                .withRequestBody(containing("trigger a model error"))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":\"model 'qwen' not found\"}")));
        MessageCreateBuilder mention = mentionFrom(FakeUser.human(830000000000000003L, "carol"),
                "how do I reset my password? trigger a model error");
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
    void oneMemberMentioningTooOftenGetsNoMoreAnswers() {
        FakeUser chatty = FakeUser.human(830000000000000004L, "chatty");
        for (int i = 0; i < RATE_LIMIT; i++) {
            MessageCreateBuilder mention = mentionFrom(chatty, "how do I reset my password? #" + i);
            gateway.dispatchMessageCreate(mention);
            assertThat(outcomeOf(GUILD, mention.id()).status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        }
        MessageCreateBuilder sixth = mentionFrom(chatty, "how do I reset my password? one more");
        gateway.dispatchMessageCreate(sixth);

        assertThat(outcomeOf(GUILD, sixth.id()).status()).isEqualTo(MessageOutcome.Status.RATE_LIMITED);
        assertThat(sendsTo(CHANNEL, sixth.id())).isEmpty();
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
}
