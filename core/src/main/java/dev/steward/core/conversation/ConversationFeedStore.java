package dev.steward.core.conversation;

import dev.steward.workflows.conversation.Turn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The live feed behind the monitoring stream: rows written with each turn and state change, read by every
 * api replica. PostgreSQL, not Temporal visibility, because list queries do not exist on every server.
 */
@Repository
public class ConversationFeedStore {
    private final JdbcClient jdbc;

    ConversationFeedStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void turn(long accountId, long conversationId, Turn turn, Timestamp at) {
        insert(accountId, conversationId, "TURN", turn.role().name(), turn.authorName(), turn.content(), null, at);
    }

    void state(long accountId, long conversationId, String action, Timestamp at) {
        insert(accountId, conversationId, "STATE", null, null, null, action, at);
    }

    private void insert(long accountId, long conversationId, String kind, String role, String author, String content,
                        String action, Timestamp at) {
        jdbc.sql("""
                        INSERT INTO conversation_feed (account_id, conversation_id, kind, role, author_name, content, action,
                                                       mode, agent, escalated, created_at)
                        SELECT ?, ?, ?, ?, ?, ?, ?, mode, agent, escalated_at IS NOT NULL, ? FROM conversation WHERE id = ?""")
                .params(accountId, conversationId, kind, role, author, content, action, at, conversationId)
                .update();
    }

    /** One entry of the feed, as the stream sends it. */
    public record FeedEntry(long id, long accountId, long conversationId, String kind, String role, String authorName,
                            String content, String action, String mode, String agent, boolean escalated,
                            Instant at) {
    }

    /** Entries after the given id, oldest first. */
    public List<FeedEntry> after(long id, int limit) {
        return jdbc.sql("""
                        SELECT id, account_id, conversation_id, kind, role, author_name, content, action, mode, agent,
                               escalated, created_at
                        FROM conversation_feed WHERE id > ? ORDER BY id LIMIT ?""")
                .params(id, limit)
                .query((rs, row) -> new FeedEntry(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getBoolean(11), rs.getTimestamp(12).toInstant()))
                .list();
    }

    /** The newest id, where a new stream starts. */
    public long latestId() {
        return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM conversation_feed").query(Long.class).single();
    }

    /** The feed is for live viewers only; the transcript keeps everything. */
    public int purgeBefore(Instant cutoff) {
        return jdbc.sql("DELETE FROM conversation_feed WHERE created_at < ?").param(Timestamp.from(cutoff)).update();
    }
}
