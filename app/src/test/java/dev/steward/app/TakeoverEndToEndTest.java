package dev.steward.app;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.steward.core.conversation.ConversationStore;
import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.GatewayPayloads;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.Turn;
import dev.steward.workflows.conversation.TurnRole;
import dev.steward.workflows.message.MessageOutcome.Status;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import dev.steward.workflows.conversation.ConversationWorkflowIds;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Live monitoring, human takeover and escalation, end to end: the API, the conversation workflow on the
 * embedded Temporal server, PostgreSQL, the real Discord clients against fakes, GreenMail for email.
 */
class TakeoverEndToEndTest extends EndToEndBase {
    static final long TEAM_GUILD = 810000000000000077L;
    static final long TEAM_CHANNEL = 820000000000000077L;
    static final String TEAM_EMAIL = "support@team.example";

    @LocalServerPort int port;
    @Autowired ConversationStore conversationStore;
    Http http;
    static String admin;
    static String agent;
    static String secondAgent;
    static long teamAccount;

    @BeforeEach
    void team() {
        http = new Http(port);
        if (admin != null) {
            return;
        }
        JsonNode created = http.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Team\",\"plan\":\"STANDARD\","
                + "\"notificationEmails\":\"" + TEAM_EMAIL + "\"}");
        teamAccount = created.get("account").get("id").asLong();
        admin = created.get("adminKey").get("key").asString();
        agent = key(teamAccount, admin, "Bob");
        secondAgent = key(teamAccount, admin, "Carol");
        http.ok("POST", "/api/guilds", admin, "{\"guildId\":\"" + TEAM_GUILD + "\",\"name\":\"Team HQ\"}");
        http.ok("PUT", "/api/guilds/" + TEAM_GUILD + "/settings", admin,
                "{\"responseMode\":\"MENTION\",\"takeoverTimeoutSeconds\":10}");
        ingestHandbook(teamAccount);
    }

    private String key(long accountId, String adminKey, String name) {
        return http.ok("POST", "/api/accounts/" + accountId + "/keys", adminKey,
                "{\"role\":\"AGENT\",\"name\":\"" + name + "\"}").get("key").asString();
    }

    MessageCreateBuilder mention(FakeUser member, String text) {
        return GatewayPayloads.messageCreate().in(TEAM_GUILD, TEAM_CHANNEL).author(member)
                .content(gateway.botUser().mention() + " " + text).mentions(gateway.botUser());
    }

    Status deliver(MessageCreateBuilder message) {
        gateway.dispatchMessageCreate(message);
        return outcomeOf(TEAM_GUILD, message.id()).status();
    }

    long conversationOf(FakeUser member) {
        for (JsonNode c : http.ok("GET", "/api/conversations?guildId=" + TEAM_GUILD, agent, null)) {
            if (c.get("userId").asString().equals(Long.toString(member.id()))) {
                return c.get("id").asLong();
            }
        }
        throw new AssertionError("no active conversation of " + member.username());
    }

    static int chatCalls() {
        return ollama.findAll(postRequestedFor(urlPathEqualTo("/api/chat"))).size();
    }

    @Test
    void agentTakesOverRepliesAndTheAiResumesAfterAgentSilence() throws Exception {
        FakeUser member = FakeUser.human(830000000000000071L, "maria");
        assertThat(deliver(mention(member, "how do I reset my password?"))).isEqualTo(Status.ANSWERED);
        long id = conversationOf(member);
        JsonNode listed = http.ok("GET", "/api/conversations?mode=AI", agent, null);
        assertThat(listed.toString()).contains("\"memberName\":\"maria\"");
        String workflowId = ConversationWorkflowIds.of(new ConversationKey(Long.toString(TEAM_GUILD),
                Long.toString(TEAM_CHANNEL), Long.toString(member.id())));
        assertThatThrownBy(() -> client.newUntypedWorkflowStub(workflowId).describe())
                .as("no agent has acted: the conversation has no workflow yet")
                .isInstanceOf(WorkflowNotFoundException.class);

        JsonNode taken = http.ok("POST", "/api/conversations/" + id + "/takeover", agent, null);
        assertThat(taken.get("mode").asString()).isEqualTo("HUMAN");
        assertThat(client.newUntypedWorkflowStub(workflowId).describe().getStatus())
                .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        assertThat(http.call("POST", "/api/conversations/" + id + "/takeover", secondAgent, null).status())
                .as("the second agent loses").isEqualTo(409);
        assertThat(http.ok("GET", "/api/conversations?mode=HUMAN", agent, null).toString()).contains("\"id\":" + id);

        int callsBefore = chatCalls();
        MessageCreateBuilder during = mention(member, "hello? is a person there?");
        assertThat(deliver(during)).isEqualTo(Status.HANDED_TO_AGENT);
        assertThat(chatCalls()).as("no model call while an agent has the conversation").isEqualTo(callsBefore);
        assertThat(sendsTo(TEAM_CHANNEL, during.id())).isEmpty();
        MessageCreateBuilder aside = GatewayPayloads.messageCreate().in(TEAM_GUILD, TEAM_CHANNEL).author(member)
                .content("also my invoice is wrong");
        assertThat(deliver(aside)).as("a message without a mention still reaches the agent")
                .isEqualTo(Status.HANDED_TO_AGENT);

        assertThat(http.call("POST", "/api/conversations/" + id + "/messages", secondAgent,
                "{\"content\":\"not mine\"}").status()).isEqualTo(409);
        http.ok("POST", "/api/conversations/" + id + "/messages", agent, "{\"content\":\"Hi Maria, Bob here. Checking.\"}");
        List<LoggedRequest> agentSends = discord.findAll(postRequestedFor(urlPathEqualTo("/channels/" + TEAM_CHANNEL + "/messages"))
                .withRequestBody(containing("Hi Maria, Bob here. Checking.")));
        assertThat(agentSends).hasSize(1);
        assertThat(agentSends.get(0).getBodyAsString()).contains("\"enforce_nonce\":true", "\"parse\":[]");

        JsonNode transcript = http.ok("GET", "/api/conversations/" + id, agent, null).get("transcript");
        assertThat(transcript.toString()).contains("hello? is a person there?", "also my invoice is wrong",
                "Hi Maria, Bob here. Checking.", "\"role\":\"AGENT\"");

        // The guild's takeover timeout is 10 s: the AI takes the conversation back by itself.
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (!http.ok("GET", "/api/conversations/" + id, agent, null).get("conversation").get("mode").asString().equals("AI")) {
            assertThat(System.nanoTime()).as("automatic resume").isLessThan(deadline);
            Thread.sleep(250);
        }
        MessageCreateBuilder after = mention(member, "how do I reset my password again?");
        assertThat(deliver(after)).isEqualTo(Status.ANSWERED);
        assertThat(chatCalls()).isGreaterThan(callsBefore);
        assertThat(sendsTo(TEAM_CHANNEL, after.id())).hasSize(1);

        List<String> audit = jdbc.sql("SELECT action || ' by ' || actor FROM audit_event WHERE account_id = ? AND target = ? ORDER BY id")
                .params(teamAccount, "conversation/" + id).query(String.class).list();
        assertThat(audit).hasSize(3);
        assertThat(audit.get(0)).startsWith("conversation.takeover by agent:");
        assertThat(audit.get(1)).startsWith("conversation.reply by agent:");
        assertThat(audit.get(2)).isEqualTo("conversation.auto_resume by steward");
    }

    /** The member's conversation after their question, taken over by the agent. */
    long takenOver(FakeUser member, String question) {
        deliver(mention(member, question));
        long id = conversationOf(member);
        http.ok("POST", "/api/conversations/" + id + "/takeover", agent, null);
        return id;
    }

    /** A client that retries a reply (after a time-out or a 202) with the same Idempotency-Key sends it once. */
    @Test
    void aRetriedAgentReplyWithTheSameIdempotencyKeyIsSentOnce() {
        long id = takenOver(FakeUser.human(830000000000000073L, "ines"), "can someone check my invoice?");
        String path = "/api/conversations/" + id + "/messages";
        String body = "{\"content\":\"Ines, checking your invoice now.\"}";

        http.ok("POST", path, agent, body, "Idempotency-Key", "reply-1");
        http.ok("POST", path, agent, body, "Idempotency-Key", "reply-1");
        http.ok("POST", path, agent, body, "Idempotency-Key", "reply-2"); // the same words, a second reply on purpose
        assertThat(discord.findAll(postRequestedFor(urlPathEqualTo("/channels/" + TEAM_CHANNEL + "/messages"))
                .withRequestBody(containing("checking your invoice now")))).hasSize(2);
        JsonNode transcript = http.ok("GET", "/api/conversations/" + id, agent, null).get("transcript");
        assertThat(transcript.toString().split("checking your invoice now", -1)).hasSize(3);
        assertThat(http.call("POST", path, agent, body, "Idempotency-Key", "k".repeat(201)).status()).isEqualTo(400);
    }

    @Test
    void releaseHandsTheConversationBackAtOnce() {
        FakeUser member = FakeUser.human(830000000000000072L, "rui");
        long id = takenOver(member, "what is the refund policy?");

        JsonNode released = http.ok("POST", "/api/conversations/" + id + "/release", agent, null);
        assertThat(released.get("mode").asString()).isEqualTo("AI");
        assertThat(http.call("POST", "/api/conversations/" + id + "/release", agent, null).status())
                .as("nothing to release").isEqualTo(409);
        assertThat(deliver(mention(member, "and for annual plans?"))).isEqualTo(Status.ANSWERED);
    }

    @Test
    void memberAskingForAHumanIsEscalatedByOneEmailWithTheTranscript() throws Exception {
        FakeUser member = FakeUser.human(830000000000000073L, "lena");
        deliver(mention(member, "how do I reset my password?"));
        MessageCreateBuilder ask = mention(member, "this does not work, I want to talk to a human");
        assertThat(deliver(ask)).isEqualTo(Status.ANSWERED);
        MessageCreateBuilder again = mention(member, "real person please");
        deliver(again);

        assertThat(sendsTo(TEAM_CHANNEL, ask.id()).get(0).getBodyAsString()).contains("let the team know");
        assertThat(sendsTo(TEAM_CHANNEL, again.id()).get(0).getBodyAsString()).contains("already knows");
        long id = conversationOf(member);
        List<MimeMessage> mails = List.of(smtp.getReceivedMessages()).stream()
                .filter(m -> subjectOf(m).contains("lena asks for a human")).toList();
        assertThat(mails).as("one email per conversation per cool-down").hasSize(1);
        assertThat(mails.get(0).getAllRecipients()[0].toString()).isEqualTo(TEAM_EMAIL);
        String body = mails.get(0).getContent().toString();
        assertThat(body).contains("Team HQ", Long.toString(TEAM_CHANNEL), "/api/conversations/" + id,
                "how do I reset my password?", "I want to talk to a human");
        assertThat(http.ok("GET", "/api/conversations/" + id, agent, null).get("conversation").get("escalated").asBoolean())
                .isTrue();
    }

    private static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void agentsSeeOnlyTheirAccountAndStarterPlansCannotTakeOver() {
        FakeUser member = FakeUser.human(830000000000000074L, "omar");
        deliver(mention(member, "where are my invoices?"));
        long id = conversationOf(member);

        JsonNode other = http.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Other\",\"plan\":\"PRO\"}");
        String stranger = key(other.get("account").get("id").asLong(), other.get("adminKey").get("key").asString(), "Eve");
        assertThat(http.call("GET", "/api/conversations/" + id, stranger, null).status()).isEqualTo(404);
        assertThat(http.call("POST", "/api/conversations/" + id + "/takeover", stranger, null).status()).isEqualTo(404);
        assertThat(http.ok("GET", "/api/conversations", stranger, null)).isEmpty();
        assertThat(http.call("GET", "/api/conversations", null, null).status()).isEqualTo(401);

        // The shared test account is on Starter: monitoring yes, takeover no.
        MessageCreateBuilder starterMention = mentionFrom(FakeUser.human(830000000000000075L, "sam"), "hi, how do I reset my password?");
        gateway.dispatchMessageCreate(starterMention);
        outcomeOf(GUILD, starterMention.id());
        String starterAgent = key(account, "e2e-operator", "Starter agent");
        long starterConversation = http.ok("GET", "/api/conversations", starterAgent, null).get(0).get("id").asLong();
        Http.Response refused = http.call("POST", "/api/conversations/" + starterConversation + "/takeover", starterAgent, null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("requiredPlan").asString()).isEqualTo("STANDARD");
    }

    @Test
    void theLiveStreamDeliversANewMemberMessageWithinASecond() throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/conversations/stream"))
                .header("Authorization", "Bearer " + agent).header("Accept", "text/event-stream").build();
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<java.util.stream.Stream<String>> response = client.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        Thread reader = new Thread(() -> response.body().forEach(lines::add), "sse-reader");
        reader.setDaemon(true);
        reader.start();
        assertThat(lines.poll(5, TimeUnit.SECONDS)).as("the stream says it is connected").contains("connected");

        // Recorded the way the conversation workflow's activity records it.
        ConversationKey key = new ConversationKey(Long.toString(TEAM_GUILD), Long.toString(TEAM_CHANNEL), "830000000000000076");
        long recorded = System.nanoTime();
        conversationStore.append(new Turn(teamAccount, key, TurnRole.MEMBER, "stream-test:member", "noor",
                "is the status page down?", System.currentTimeMillis(), false));
        String event = null;
        while (event == null || !event.contains("is the status page down?")) {
            event = lines.poll(1, TimeUnit.SECONDS);
            assertThat(event).as("an event within a second").isNotNull();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - recorded)).isLessThan(Duration.ofSeconds(1));
        assertThat(event).contains("\"kind\":\"TURN\"", "\"authorName\":\"noor\"");
        reader.interrupt();
        response.body().close();
    }
}
