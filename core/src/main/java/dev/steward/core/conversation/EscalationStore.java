package dev.steward.core.conversation;

import dev.steward.core.audit.AuditLog;
import dev.steward.workflows.conversation.ConversationKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The escalation flag and its email cool-down, keyed in the conversation row: one escalation owns each
 * cool-down, and its email is marked sent, so a retried activity neither claims twice nor mails twice.
 * Only an email that went out starts a cool-down: a claim whose email never went out is a lease, which a
 * later escalation takes over once the first one can no longer be sending.
 */
@Repository
public class EscalationStore {
    private final JdbcClient jdbc;
    private final ConversationStore conversations;
    private final ConversationFeedStore feed;
    private final AuditLog audit;

    EscalationStore(JdbcClient jdbc, ConversationStore conversations, ConversationFeedStore feed, AuditLog audit) {
        this.jdbc = jdbc;
        this.conversations = conversations;
        this.feed = feed;
        this.audit = audit;
    }

    public enum Claim {
        /** This escalation owns the cool-down and its email has not gone out yet. */
        SEND,
        /** This escalation owns the cool-down and its email went out (a retry). */
        SENT,
        /** Another escalation of the conversation was emailed within the cool-down, or may still be sending. */
        COOLING_DOWN
    }

    public record Claimed(Claim claim, long conversationId) {
    }

    /**
     * @param lease how long an escalation whose email has not gone out keeps its claim: longer than its
     *              activity can go on retrying, so two escalations never mail at once
     */
    @Transactional
    public Claimed claim(long accountId, ConversationKey key, String escalationKey, Instant at, Duration coolDown,
                         Duration lease) {
        Optional<Long> conversation = conversations.conversationId(accountId, key, Timestamp.from(at));
        if (conversation.isEmpty()) {
            return new Claimed(Claim.COOLING_DOWN, 0); // the guild is no longer the account's: no one to mail
        }
        long id = conversation.get();
        jdbc.sql("""
                        UPDATE conversation SET escalated_at = ?, escalation_key = ?
                        WHERE id = ? AND (escalation_key IS NULL OR escalation_key <> ?) AND (escalated_at IS NULL
                              OR (escalation_emailed_key = escalation_key AND escalated_at < ?)
                              OR (escalation_emailed_key IS DISTINCT FROM escalation_key AND escalated_at < ?))""")
                .params(Timestamp.from(at), escalationKey, id, escalationKey, Timestamp.from(at.minus(coolDown)),
                        Timestamp.from(at.minus(lease)))
                .update();
        var state = jdbc.sql("SELECT escalation_key, escalation_emailed_key FROM conversation WHERE id = ?")
                .param(id)
                .query((rs, row) -> new String[]{rs.getString(1), rs.getString(2)})
                .single();
        if (!escalationKey.equals(state[0])) {
            return new Claimed(Claim.COOLING_DOWN, id);
        }
        if (audit.recordOnce("escalation:" + escalationKey, accountId, "member:" + key.userId(),
                "conversation.escalated", "conversation/" + id, "The member asked for a human", at)) {
            feed.state(accountId, id, "conversation.escalated", Timestamp.from(at));
        }
        return new Claimed(escalationKey.equals(state[1]) ? Claim.SENT : Claim.SEND, id);
    }

    public void markSent(long conversationId, String escalationKey) {
        jdbc.sql("UPDATE conversation SET escalation_emailed_key = ? WHERE id = ?")
                .params(escalationKey, conversationId)
                .update();
    }
}
