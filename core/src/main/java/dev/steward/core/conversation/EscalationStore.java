package dev.steward.core.conversation;

import dev.steward.core.audit.AuditLog;
import dev.steward.workflows.conversation.ConversationKey;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * The escalation flag and its email cool-down, keyed in the conversation row: one escalation owns each
 * cool-down, and its email is marked sent, so a retried activity neither claims twice nor mails twice.
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
        /** Another escalation of the conversation was emailed within the cool-down. */
        COOLING_DOWN
    }

    public record Claimed(Claim claim, long conversationId) {
    }

    @Transactional
    public Claimed claim(long accountId, ConversationKey key, String escalationKey, Instant at, Duration coolDown) {
        long id = conversations.conversationId(accountId, key, Timestamp.from(at));
        jdbc.sql("""
                        UPDATE conversation SET escalated_at = ?, escalation_key = ?
                        WHERE id = ? AND (escalated_at IS NULL OR escalated_at < ?) AND
                              (escalation_key IS NULL OR escalation_key <> ?)""")
                .params(Timestamp.from(at), escalationKey, id, Timestamp.from(at.minus(coolDown)), escalationKey)
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
