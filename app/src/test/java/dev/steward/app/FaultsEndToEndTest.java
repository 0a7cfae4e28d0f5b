package dev.steward.app;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.GatewayPayloads;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.testing.ollama.OllamaStubs;
import dev.steward.workflows.message.MessageOutcome;
import dev.steward.workflows.message.MessageOutcome.Status;
import dev.steward.workflows.message.MessageWorkflowIds;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Things breaking on purpose: Discord answering 429 and 5xx, the gateway replaying events after a resume,
 * and the model down for a while or for good. The member still gets exactly one reply and one charge.
 */
class FaultsEndToEndTest extends EndToEndBase {
    static final Pattern NONCE = Pattern.compile("\"nonce\":\"([^\"]+)\"");
    final List<StubMapping> discordFaults = new ArrayList<>();
    final List<StubMapping> modelFaults = new ArrayList<>();

    @AfterEach
    void removeFaults() {
        discordFaults.forEach(discord::removeStub);
        modelFaults.forEach(ollama::removeStub);
    }

    private MessageCreateBuilder mentionIn(long channel, FakeUser member, String text) {
        return GatewayPayloads.messageCreate().in(GUILD, channel).author(member)
                .content(gateway.botUser().mention() + " " + text).mentions(gateway.botUser());
    }

    /** Discord's answers for one channel, in order: the faults given, then success. */
    private void discordAnswers(long channel, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... faults) {
        String scenario = "discord-" + channel;
        String state = Scenario.STARTED;
        for (int i = 0; i < faults.length; i++) {
            discordFaults.add(discord.stubFor(post(urlPathEqualTo("/channels/" + channel + "/messages")).atPriority(1)
                    .inScenario(scenario).whenScenarioStateIs(state).willReturn(faults[i]).willSetStateTo("after-" + i)));
            state = "after-" + i;
        }
        discordFaults.add(discord.stubFor(post(urlPathEqualTo("/channels/" + channel + "/messages")).atPriority(1)
                .inScenario(scenario).whenScenarioStateIs(state).willReturn(okJson(botMessage()))));
    }

    private static List<LoggedRequest> postsTo(long channel) {
        return discord.findAll(postRequestedFor(urlPathEqualTo("/channels/" + channel + "/messages")));
    }

    private static String nonce(LoggedRequest request) {
        Matcher m = NONCE.matcher(request.getBodyAsString());
        assertThat(m.find()).as("a nonce in " + request.getBodyAsString()).isTrue();
        return m.group(1);
    }

    private long charges(long messageId) {
        return jdbc.sql("SELECT COUNT(*) FROM quota_ledger WHERE message_key = ? AND kind = 'ANSWER'")
                .param(MessageWorkflowIds.forMessage(Long.toString(GUILD), Long.toString(messageId)))
                .query(Long.class).single();
    }

    @Test
    void discordRateLimitIsWaitedOutAndTheReplyIsSentOnce() {
        long channel = 820000000000000501L;
        discordAnswers(channel, aResponse().withStatus(429).withHeader("Content-Type", "application/json")
                .withHeader("Retry-After", "1").withHeader("X-RateLimit-Scope", "user")
                .withBody("{\"message\":\"You are being rate limited.\",\"retry_after\":1.0,\"global\":false}"));
        MessageCreateBuilder mention = mentionIn(channel, FakeUser.human(830000000000000501L, "rita"), "how do I reset my password?");
        gateway.dispatchMessageCreate(mention);

        assertThat(outcomeOf(GUILD, mention.id()).status()).isEqualTo(Status.ANSWERED);
        List<LoggedRequest> posts = postsTo(channel);
        assertThat(posts).hasSize(2);
        assertThat(posts.get(1).getLoggedDate().getTime() - posts.get(0).getLoggedDate().getTime())
                .as("the retry waited for Retry-After").isGreaterThanOrEqualTo(900);
        assertThat(nonce(posts.get(1))).as("the retry is the same message to Discord").isEqualTo(nonce(posts.get(0)));
    }

    @Test
    void discordServerErrorsAreRetriedWithTheSameNonce() {
        long channel = 820000000000000502L;
        discordAnswers(channel, aResponse().withStatus(502).withBody("bad gateway"),
                aResponse().withStatus(500).withHeader("Content-Type", "application/json").withBody("{\"message\":\"500\"}"));
        MessageCreateBuilder mention = mentionIn(channel, FakeUser.human(830000000000000502L, "sven"), "how do I reset my password?");
        gateway.dispatchMessageCreate(mention);

        MessageOutcome outcome = outcomeOf(GUILD, mention.id());
        assertThat(outcome.status()).isEqualTo(Status.ANSWERED);
        assertThat(outcome.replyMessageIds()).hasSize(1);
        List<LoggedRequest> posts = postsTo(channel);
        assertThat(posts).hasSizeGreaterThanOrEqualTo(3);
        assertThat(posts.stream().map(FaultsEndToEndTest::nonce).distinct()).as("one message, however often it was tried").hasSize(1);
        assertThat(charges(mention.id())).isEqualTo(1);
    }

    /**
     * A long answer goes out in parts. When a later part fails, the retry posts only the parts not yet posted:
     * Discord's nonces are honoured for a few minutes only, and a send is retried for up to half an hour.
     */
    @Test
    void aPartPostedBeforeAFailureIsNotPostedAgain() {
        long channel = 820000000000000505L;
        String question = "how do I reset my password? explain every step in detail";
        modelFaults.add(ollama.stubFor(OllamaStubs.chatAnswers("Step one of the migration. ".repeat(110)).atPriority(1)
                .withRequestBody(containing(question))));
        // A garbled answer, which Discord4J does not retry itself: the attempt fails and Temporal retries it.
        discordAnswers(channel, okJson(botMessage()), aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{garbled"));
        MessageCreateBuilder mention = mentionIn(channel, FakeUser.human(830000000000000505L, "ola"), question);
        gateway.dispatchMessageCreate(mention);

        MessageOutcome outcome = outcomeOf(GUILD, mention.id());
        assertThat(outcome.status()).isEqualTo(Status.ANSWERED);
        assertThat(outcome.replyMessageIds()).hasSize(2);
        List<String> nonces = postsTo(channel).stream().map(FaultsEndToEndTest::nonce).toList();
        assertThat(nonces).as("the first part once, the second garbled, then again").hasSize(3);
        assertThat(nonces.get(0)).isNotEqualTo(nonces.get(1));
        assertThat(nonces.get(2)).isEqualTo(nonces.get(1));
    }

    @Test
    void eventsReplayedAfterAGatewayResumeStartNoSecondWorkflow() throws Exception {
        long channel = 820000000000000503L;
        MessageCreateBuilder mention = mentionIn(channel, FakeUser.human(830000000000000503L, "yuki"), "how do I reset my password?");
        gateway.dispatchMessageCreate(mention);
        assertThat(outcomeOf(GUILD, mention.id()).status()).isEqualTo(Status.ANSWERED);
        String run = client.newUntypedWorkflowStub(MessageWorkflowIds.forMessage(Long.toString(GUILD), Long.toString(mention.id())))
                .describe().getExecution().getRunId();

        int resumes = gateway.resumeCount();
        gateway.redeliverOnNextResume(1);
        gateway.dropConnections();
        gateway.awaitResumed(Duration.ofSeconds(30));
        assertThat(gateway.resumeCount()).isGreaterThan(resumes);
        // The replayed MESSAGE_CREATE reaches the bridge; a later message proves it has been handled.
        MessageCreateBuilder after = mentionIn(channel, FakeUser.human(830000000000000504L, "li"), "where are my invoices?");
        gateway.dispatchMessageCreate(after);
        outcomeOf(GUILD, after.id());

        assertThat(sendsTo(channel, mention.id())).hasSize(1);
        assertThat(client.newUntypedWorkflowStub(MessageWorkflowIds.forMessage(Long.toString(GUILD), Long.toString(mention.id())))
                .describe().getExecution().getRunId()).as("the same execution, not a second one").isEqualTo(run);
    }

    @Test
    void aModelOutageShorterThanTheRetryBudgetStillGetsTheAnswerOnce() {
        String question = "how do I reset my password during the outage?";
        String scenario = "model-outage";
        modelFaults.add(ollama.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1).withRequestBody(containing(question))
                .inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("still-down")));
        modelFaults.add(ollama.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1).withRequestBody(containing(question))
                .inScenario(scenario).whenScenarioStateIs("still-down")
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up")));
        modelFaults.add(ollama.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1).withRequestBody(containing(question))
                .inScenario(scenario).whenScenarioStateIs("up")
                .willReturn(okJson(OllamaStubs.chatResponse("{\"action\":\"answer\",\"answer\":\"Back: use Settings.\"}")))));
        MessageCreateBuilder mention = mentionFrom(FakeUser.human(830000000000000505L, "omar"), question);
        gateway.dispatchMessageCreate(mention);

        assertThat(outcomeOf(GUILD, mention.id()).status()).isEqualTo(Status.ANSWERED);
        assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")).withRequestBody(containing(question))))
                .hasSize(3);
        List<LoggedRequest> sends = sendsTo(CHANNEL, mention.id());
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).getBodyAsString()).contains("Back: use Settings.");
        assertThat(charges(mention.id())).isEqualTo(1);
    }

    @Test
    void aModelDownBeyondTheRetryBudgetGetsTheFallbackOnceAndNoCharge() {
        String question = "how do I reset my password while the model is gone?";
        modelFaults.add(ollama.stubFor(post(urlPathEqualTo("/api/chat")).atPriority(1).withRequestBody(containing(question))
                .willReturn(aResponse().withStatus(503))));
        MessageCreateBuilder mention = mentionFrom(FakeUser.human(830000000000000506L, "ana"), question);
        gateway.dispatchMessageCreate(mention);
        outcomeOf(GUILD, mention.id()); // started; the budget takes about 30 s more
        MessageOutcome outcome = starter.awaitOutcome(
                MessageWorkflowIds.forMessage(Long.toString(GUILD), Long.toString(mention.id())), Duration.ofSeconds(90));

        assertThat(outcome.status()).isEqualTo(Status.FALLBACK_ANSWERED);
        assertThat(ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")).withRequestBody(containing(question))))
                .as("the retry budget: five attempts").hasSize(5);
        List<LoggedRequest> sends = sendsTo(CHANNEL, mention.id());
        assertThat(sends).hasSize(1);
        assertThat(sends.get(0).getBodyAsString()).contains("can't answer right now");
        assertThat(charges(mention.id())).as("the unit is given back").isZero();
    }
}
