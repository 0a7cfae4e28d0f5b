package dev.steward.core.conversation;

import dev.steward.core.CoreTestApplication;
import dev.steward.core.Fixtures;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.core.conversation.EscalationStore.Claim;
import dev.steward.workflows.conversation.ConversationEvent;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.ConversationMode;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The database keys behind "one email per cool-down" and "one audit row per event", under retries. */
@SpringBootTest(classes = CoreTestApplication.class)
class EscalationStoreTest extends CoreTestApplication.OnPostgres {
    static final Instant T0 = Instant.parse("2026-11-24T12:00:00Z");
    static final Duration HOUR = Duration.ofHours(1);
    static final Duration LEASE = Duration.ofMinutes(6);

    @Autowired EscalationStore escalations;
    @Autowired ConversationStore conversations;
    @Autowired AccountRepository accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void oneEscalationOwnsEachCoolDownAndARetryFindsItsOwnClaim() {
        long account = Fixtures.newAccount(accounts, Plan.STANDARD);
        ConversationKey key = new ConversationKey("g" + account, "c", "u");

        EscalationStore.Claimed first = escalations.claim(account, key, "m1", T0, HOUR, LEASE);
        assertThat(first.claim()).isEqualTo(Claim.SEND);
        assertThat(escalations.claim(account, key, "m1", T0, HOUR, LEASE).claim()).as("retry before the mail").isEqualTo(Claim.SEND);
        escalations.markSent(first.conversationId(), "m1");
        assertThat(escalations.claim(account, key, "m1", T0, HOUR, LEASE).claim()).as("retry after the mail").isEqualTo(Claim.SENT);
        assertThat(escalations.claim(account, key, "m2", T0.plus(Duration.ofMinutes(59)), HOUR, LEASE).claim())
                .isEqualTo(Claim.COOLING_DOWN);
        assertThat(escalations.claim(account, key, "m3", T0.plus(Duration.ofMinutes(61)), HOUR, LEASE).claim())
                .as("after the cool-down").isEqualTo(Claim.SEND);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE account_id = ? AND action = 'conversation.escalated'")
                .param(account).query(Long.class).single()).as("one audit row per escalation that told the team").isEqualTo(2);
    }

    /** SMTP was down for the first escalation's whole retry budget: no email, so no cool-down either. */
    @Test
    void anEscalationNeverEmailedIsTakenOverOnceItsLeaseIsOver() {
        long account = Fixtures.newAccount(accounts, Plan.STANDARD);
        ConversationKey key = new ConversationKey("g" + account, "c", "u");

        assertThat(escalations.claim(account, key, "m1", T0, HOUR, LEASE).claim()).isEqualTo(Claim.SEND);
        assertThat(escalations.claim(account, key, "m2", T0.plus(Duration.ofMinutes(5)), HOUR, LEASE).claim())
                .as("m1 may still be sending").isEqualTo(Claim.COOLING_DOWN);
        EscalationStore.Claimed later = escalations.claim(account, key, "m3", T0.plus(Duration.ofMinutes(10)), HOUR, LEASE);
        assertThat(later.claim()).as("m1's lease is over and it never mailed").isEqualTo(Claim.SEND);
        assertThat(escalations.claim(account, key, "m1", T0, HOUR, LEASE).claim())
                .as("a late retry of m1 does not mail").isEqualTo(Claim.COOLING_DOWN);

        escalations.markSent(later.conversationId(), "m3");
        assertThat(escalations.claim(account, key, "m3", T0.plus(Duration.ofMinutes(10)), HOUR, LEASE).claim())
                .as("retry after the mail").isEqualTo(Claim.SENT);
        assertThat(escalations.claim(account, key, "m4", T0.plus(Duration.ofMinutes(30)), HOUR, LEASE).claim())
                .as("m3 was emailed: its cool-down holds").isEqualTo(Claim.COOLING_DOWN);
    }

    @Test
    void aRetriedConversationEventIsRecordedOnceAndSetsTheMonitoringRow() {
        long account = Fixtures.newAccount(accounts, Plan.STANDARD);
        ConversationKey key = new ConversationKey("g" + account, "c", "u");
        ConversationEvent takeover = new ConversationEvent(account, key, "conv:1:1", "conversation.takeover", "agent:ab12",
                ConversationMode.HUMAN, "agent:ab12", "", T0.toEpochMilli());

        conversations.recordEvent(takeover);
        conversations.recordEvent(takeover);

        assertThat(conversations.mode(key)).isEqualTo(ConversationMode.HUMAN);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE event_key = 'conv:1:1'").query(Long.class).single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation_feed WHERE account_id = ? AND kind = 'STATE'")
                .param(account).query(Long.class).single()).isEqualTo(1);
        conversations.close(key, T0.plusSeconds(1).toEpochMilli());
        assertThat(conversations.mode(key)).as("a closed conversation is the AI's again").isEqualTo(ConversationMode.AI);
    }
}
