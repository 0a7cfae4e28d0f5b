package dev.steward.app;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.GatewayPayloads;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.testing.ollama.OllamaStubs;
import dev.steward.workflows.guild.ResponseMode;
import dev.steward.workflows.message.MessageOutcome;
import dev.steward.workflows.message.MessageWorkflowIds;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/** Each response mode through the fake gateway, the knowledge base and WireMock Ollama. */
class ResponseModesEndToEndTest extends EndToEndBase {
    static final FakeUser DAN = FakeUser.human(830000000000000010L, "dan");
    static final FakeUser ERIN = FakeUser.human(830000000000000011L, "erin");

    MessageCreateBuilder plain(long guild, FakeUser author, String text) {
        return GatewayPayloads.messageCreate().in(guild, CHANNEL).author(author).content(text);
    }

    MessageOutcome deliver(MessageCreateBuilder message) {
        gateway.dispatchMessageCreate(message);
        return outcomeOf(message.guildId(), message.id());
    }

    List<LoggedRequest> chatsAbout(String text) {
        return ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat")).withRequestBody(containing(text)));
    }

    @Test
    void mentionModeAnswersMentionsAndRepliesToTheBotButNotOtherMessages() {
        MessageOutcome unrelated = deliver(plain(GUILD, DAN, "how do I reset my password, anyone?"));
        assertThat(unrelated.status()).isEqualTo(MessageOutcome.Status.NOT_ADDRESSED);

        MessageCreateBuilder botPost = GatewayPayloads.messageCreate().in(GUILD, CHANNEL).author(gateway.botUser())
                .content("Open Settings > Account.");
        MessageCreateBuilder reply = plain(GUILD, DAN, "and where do I find my invoices then?").replyTo(botPost);
        assertThat(deliver(reply).status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        assertThat(sendsTo(CHANNEL, reply.id())).hasSize(1);
        assertThat(chatsAbout("how do I reset my password, anyone?")).isEmpty();
    }

    @Test
    void smartModeSkipsWhatTheModelSkipsAndAnswersQuestionsInTheSameCall() {
        long guild = 810000000000000011L;
        guildWith(guild, ResponseMode.ALL_MESSAGES, true, false);
        ollama.stubFor(OllamaStubs.chatAnswers("{\"action\":\"skip\",\"answer\":\"\",\"reason\":\"small talk\"}")
                .atPriority(1).withRequestBody(containing("thanks, the refund policy")));
        ollama.stubFor(OllamaStubs.chatAnswers("{\"action\":\"answer\",\"answer\":\"Annual plans: 30 days.\","
                + "\"sources\":[1],\"reason\":\"in the handbook\"}").atPriority(1)
                .withRequestBody(containing("refund window for annual plans")));

        MessageCreateBuilder casualMessage = plain(guild, DAN, "thanks, the refund policy is great, love you all");
        MessageOutcome casual = deliver(casualMessage);
        MessageCreateBuilder greetingMessage = plain(guild, ERIN, "good morning everyone!");
        MessageOutcome greeting = deliver(greetingMessage);
        MessageCreateBuilder question = plain(guild, ERIN, "what is the refund window for annual plans?");
        MessageOutcome answered = deliver(question);

        assertThat(casual.status()).isEqualTo(MessageOutcome.Status.SKIPPED);
        assertThat(greeting.status()).isEqualTo(MessageOutcome.Status.SKIPPED);
        assertThat(answered.status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        assertThat(chatsAbout("thanks, the refund policy")).singleElement()
                .satisfies(r -> assertThat(r.getBodyAsString()).containsPattern("\"format\"\\s*:\\s*\"json\"")
                        .contains("small talk"));
        assertThat(chatsAbout("erin asks:\\n<message>good morning everyone!")).as("nothing relevant: no model call")
                .isEmpty();
        assertThat(answerCharges(guild, casualMessage)).as("the model decided the skip: charged").isEqualTo(1);
        assertThat(answerCharges(guild, greetingMessage)).as("skipped without the model: given back").isZero();
        assertThat(chatsAbout("refund window for annual plans")).hasSize(1);
        assertThat(sendsTo(CHANNEL, question.id())).singleElement().satisfies(r -> assertThat(r.getBodyAsString())
                .contains("Annual plans: 30 days.", "Sources: Acme Cloud Handbook"));
    }

    long answerCharges(long guild, MessageCreateBuilder message) {
        return jdbc.sql("SELECT COUNT(*) FROM quota_ledger WHERE message_key = ? AND kind = 'ANSWER'")
                .param(MessageWorkflowIds.forMessage(Long.toString(guild), Long.toString(message.id())))
                .query(Long.class).single();
    }

    @Test
    void smartModeOffAnswersEveryMessage() {
        long guild = 810000000000000012L;
        guildWith(guild, ResponseMode.ALL_MESSAGES, false, false);
        MessageCreateBuilder message = plain(guild, DAN, "the build cache, how long is it kept?");
        assertThat(deliver(message).status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        assertThat(sendsTo(CHANNEL, message.id())).hasSize(1);
    }

    @Test
    void channelAwarenessPutsOtherMembersMessagesIntoThePrompt() {
        long guild = 810000000000000013L;
        guildWith(guild, ResponseMode.ALL_MESSAGES, false, true);
        deliver(plain(guild, DAN, "our builds on the big monorepo keep getting killed"));
        deliver(plain(guild, ERIN, "what are the build limits?"));

        assertThat(chatsAbout("what are the build limits?")).singleElement().satisfies(r ->
                assertThat(r.getBodyAsString()).contains("Recent conversation in the channel",
                        "dan: our builds on the big monorepo keep getting killed"));
    }

    @Test
    void withoutChannelAwarenessOnlyTheMembersOwnTurnsAreSent() {
        long guild = 810000000000000014L;
        guildWith(guild, ResponseMode.ALL_MESSAGES, false, false);
        deliver(plain(guild, DAN, "my function times out after a minute"));
        deliver(plain(guild, ERIN, "what is the maximum function duration?"));

        assertThat(chatsAbout("what is the maximum function duration?")).singleElement().satisfies(r ->
                assertThat(r.getBodyAsString()).doesNotContain("my function times out after a minute"));
    }

    @Test
    void askOnlyModeStaysSilentOnGatewayMessages() {
        long guild = 810000000000000015L;
        guildWith(guild, ResponseMode.ASK_ONLY, true, false);
        MessageCreateBuilder mention = GatewayPayloads.messageCreate().in(guild, CHANNEL).author(DAN)
                .content(gateway.botUser().mention() + " how do I add a custom domain?").mentions(gateway.botUser());

        assertThat(deliver(mention).status()).isEqualTo(MessageOutcome.Status.NOT_ADDRESSED);
        assertThat(sendsTo(CHANNEL, mention.id())).isEmpty();
        assertThat(chatsAbout("how do I add a custom domain?")).isEmpty();
    }

    @Test
    void nothingRelevantMeansIDontKnowAndAHumanOfferWithoutAModelCall() {
        MessageCreateBuilder mention = mentionFrom(FakeUser.human(830000000000000012L, "fay"),
                "what is the capital of Mongolia?");
        assertThat(deliver(mention).status()).isEqualTo(MessageOutcome.Status.ANSWERED);
        assertThat(sendsTo(CHANNEL, mention.id())).singleElement().satisfies(r ->
                assertThat(r.getBodyAsString()).contains("I don't know", "human"));
        assertThat(chatsAbout("capital of Mongolia")).isEmpty();
    }
}
