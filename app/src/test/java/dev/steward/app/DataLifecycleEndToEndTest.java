package dev.steward.app;

import dev.steward.core.conversation.ConversationStore;
import dev.steward.core.moderation.ModerationLogStore;
import dev.steward.workflows.TaskQueues;
import io.temporal.client.WorkflowOptions;
import dev.steward.testing.discord.FakeUser;
import dev.steward.testing.discord.GatewayPayloads;
import dev.steward.testing.discord.MessageCreateBuilder;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.ConversationWorkflowIds;
import dev.steward.workflows.conversation.Turn;
import dev.steward.workflows.conversation.TurnRole;
import dev.steward.workflows.retention.PurgeOutcome;
import dev.steward.workflows.retention.RetentionPurgeWorkflow;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Retention of message contents (the hourly purge workflow), a member's deletion request and a disconnected
 * guild's data, end to end.
 */
class DataLifecycleEndToEndTest extends EndToEndBase {
    static final long LIFECYCLE_GUILD = 810000000000000088L;
    static final long LIFECYCLE_CHANNEL = 820000000000000088L;

    @LocalServerPort int port;
    @Autowired ConversationStore conversationStore;
    @Autowired ModerationLogStore moderationLog;
    Http http;
    static String admin;
    static String agent;
    static long lifecycleAccount;

    @BeforeEach
    void team() {
        http = new Http(port);
        if (admin != null) {
            return;
        }
        JsonNode created = http.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Lifecycle\",\"plan\":\"STANDARD\"}");
        lifecycleAccount = created.get("account").get("id").asLong();
        admin = created.get("adminKey").get("key").asString();
        agent = http.ok("POST", "/api/accounts/" + lifecycleAccount + "/keys", admin,
                "{\"role\":\"AGENT\",\"name\":\"Agent\"}").get("key").asString();
        http.ok("POST", "/api/guilds", admin, "{\"guildId\":\"" + LIFECYCLE_GUILD + "\",\"name\":\"Lifecycle\"}");
    }

    @Test
    void theHourlyPurgeIsScheduledAndRemovesContentsPastTheAccountsRetention() {
        assertThat(client.newUntypedWorkflowStub(RetentionPurgeWorkflow.WORKFLOW_ID).describe().getStatus())
                .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
        assertThat(http.call("PUT", "/api/account/retention", agent, "{\"days\":30}").status()).isEqualTo(403);
        assertThat(http.call("PUT", "/api/account/retention", admin, "{\"days\":0}").status()).isEqualTo(400);
        assertThat(http.ok("PUT", "/api/account/retention", admin, "{\"days\":30}").get("days").asInt()).isEqualTo(30);
        assertThat(http.ok("GET", "/api/account/retention", agent, null).get("days").asInt()).isEqualTo(30);

        ConversationKey key = new ConversationKey(Long.toString(LIFECYCLE_GUILD), "820000000000000089", "830000000000000089");
        long old = Instant.now().minus(Duration.ofDays(31)).toEpochMilli();
        conversationStore.append(new Turn(lifecycleAccount, key, TurnRole.MEMBER, "old-1:member", "ana", "an old secret", old, false));
        conversationStore.append(new Turn(lifecycleAccount, key, TurnRole.MEMBER, "new-1:member", "ana", "a new question",
                System.currentTimeMillis(), false));

        // One pass of the purge workflow now, outside its hourly schedule.
        PurgeOutcome outcome = client.newWorkflowStub(RetentionPurgeWorkflow.class, WorkflowOptions.newBuilder()
                .setWorkflowId(RetentionPurgeWorkflow.WORKFLOW_ID + "-now-" + UUID.randomUUID())
                .setTaskQueue(TaskQueues.MESSAGES).build()).purge();

        assertThat(outcome.messages()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT content FROM conversation_message m JOIN conversation c ON c.id = m.conversation_id "
                        + "WHERE c.account_id = ?").param(lifecycleAccount).query(String.class).list())
                .contains("a new question").doesNotContain("an old secret");
    }

    @Test
    void aMembersDataIsDeletedOnRequestAndTheirConversationWorkflowEnds() {
        FakeUser member = FakeUser.human(830000000000000088L, "ines");
        askIn(LIFECYCLE_GUILD, member, "my email is ines@example.com, how do I reset my password?");
        String workflowId = ConversationWorkflowIds.of(new ConversationKey(Long.toString(LIFECYCLE_GUILD),
                Long.toString(LIFECYCLE_CHANNEL), Long.toString(member.id())));
        JsonNode listed = http.ok("GET", "/api/conversations?guildId=" + LIFECYCLE_GUILD, agent, null);
        assertThat(listed.toString()).contains("ines");
        // An agent's takeover gives the conversation a running workflow, which the deletion must end.
        http.ok("POST", "/api/conversations/" + listed.get(0).get("id").asLong() + "/takeover", agent, null);

        assertThat(http.call("DELETE", "/api/guilds/" + LIFECYCLE_GUILD + "/members/" + member.id(), agent, null).status())
                .as("admins only").isEqualTo(403);
        assertThat(http.call("DELETE", "/api/guilds/" + GUILD + "/members/" + member.id(), admin, null).status())
                .as("another account's guild").isEqualTo(404);
        JsonNode deleted = http.ok("DELETE", "/api/guilds/" + LIFECYCLE_GUILD + "/members/" + member.id(), admin, null);

        assertThat(deleted.get("conversations").asInt()).isEqualTo(1);
        assertThat(deleted.get("messages").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(client.newUntypedWorkflowStub(workflowId).describe().getStatus())
                .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
        assertThat(http.ok("GET", "/api/conversations?guildId=" + LIFECYCLE_GUILD, agent, null).toString()).doesNotContain("ines");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation_message WHERE content LIKE '%ines@example.com%'")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE account_id = ? AND action = 'member.data_deleted'")
                .param(lifecycleAccount).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void disconnectingAGuildDeletesItsDataSoTheAccountThatConnectsItNextStartsClean() {
        long guild = 810000000000000089L;
        FakeUser member = FakeUser.human(830000000000000090L, "olga");
        http.ok("POST", "/api/guilds", admin, "{\"guildId\":\"" + guild + "\",\"name\":\"Handed over\"}");
        askIn(guild, member, "how do I export my invoices?");
        long earlierConversation = http.ok("GET", "/api/conversations?guildId=" + guild, agent, null).get(0).get("id").asLong();
        // A running workflow (after the agent's takeover) and a moderation log entry of this account.
        http.ok("POST", "/api/conversations/" + earlierConversation + "/takeover", agent, null);
        String workflowId = ConversationWorkflowIds.of(new ConversationKey(Long.toString(guild),
                Long.toString(LIFECYCLE_CHANNEL), Long.toString(member.id())));
        moderationLog.append(new ModerationLogStore.NewEntry(lifecycleAccount, Long.toString(guild),
                Long.toString(LIFECYCLE_CHANNEL), Long.toString(member.id()), "olga", "1", "handed-over-1",
                "an original of the earlier account", "No spam", "DELETE", "spam", 1.0, "FILTER", "", Instant.now()));

        assertThat(http.call("DELETE", "/api/guilds/" + guild, admin, null).status()).isEqualTo(204);

        assertThat(client.newUntypedWorkflowStub(workflowId).describe().getStatus())
                .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED);
        assertThat(jdbc.sql("SELECT detail FROM audit_event WHERE account_id = ? AND action = 'guild.disconnected' AND target = ?")
                .params(lifecycleAccount, Long.toString(guild)).query(String.class).single())
                .contains("conversation 1", "moderation_log 1");

        JsonNode next = http.ok("POST", "/api/accounts", "e2e-operator", "{\"name\":\"Next owner\",\"plan\":\"STANDARD\"}");
        long nextAccount = next.get("account").get("id").asLong();
        String nextAdmin = next.get("adminKey").get("key").asString();
        http.ok("POST", "/api/guilds", nextAdmin, "{\"guildId\":\"" + guild + "\",\"name\":\"Handed over\"}");
        askIn(guild, member, "and where are my receipts?");

        JsonNode listed = http.ok("GET", "/api/conversations?guildId=" + guild, nextAdmin, null);
        assertThat(listed).hasSize(1);
        long conversation = listed.get(0).get("id").asLong();
        assertThat(conversation).isNotEqualTo(earlierConversation);
        assertThat(jdbc.sql("SELECT account_id FROM conversation WHERE id = ?").param(conversation).query(Long.class).single())
                .isEqualTo(nextAccount);
        assertThat(http.ok("GET", "/api/conversations/" + conversation, nextAdmin, null).get("transcript").toString())
                .contains("where are my receipts").doesNotContain("export my invoices");
        assertThat(http.call("GET", "/api/conversations/" + conversation, agent, null).status()).isEqualTo(404);
        assertThat(http.call("GET", "/api/conversations/" + earlierConversation, agent, null).status()).isEqualTo(404);
        assertThat(http.ok("GET", "/api/guilds/" + guild + "/moderation/log", nextAdmin, null).get("entries")).isEmpty();
    }

    private void askIn(long guild, FakeUser member, String question) {
        MessageCreateBuilder mention = GatewayPayloads.messageCreate().in(guild, LIFECYCLE_CHANNEL).author(member)
                .content(gateway.botUser().mention() + " " + question).mentions(gateway.botUser());
        gateway.dispatchMessageCreate(mention);
        outcomeOf(guild, mention.id());
    }
}
