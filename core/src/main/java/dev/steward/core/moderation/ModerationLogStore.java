package dev.steward.core.moderation;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The moderation log: append once per (message, action), list newest first with a cursor, mark false positives.
 * Reads take the account too: entries a guild's earlier account left (a message under way as it disconnected)
 * are neither shown to the next one nor counted against its members.
 */
@Repository
public class ModerationLogStore {
    private static final String COLUMNS = "id, discord_guild_id, channel_id, author_id, author_name, message_id, content,"
            + " rule, action, reason, confidence, source, outcome, failure, false_positive, false_positive_by,"
            + " false_positive_at, created_at";
    private static final RowMapper<ModerationLogRecord> ROW = ModerationLogStore::map;
    private final JdbcClient jdbc;

    ModerationLogStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record NewEntry(long accountId, String guildId, String channelId, String authorId, String authorName,
                           String messageId, String messageKey, String content, String rule, String action,
                           String reason, double confidence, String source, String failure, Instant at) {
    }

    public void append(NewEntry e) {
        jdbc.sql("""
                        INSERT INTO moderation_log (account_id, discord_guild_id, channel_id, author_id, author_name,
                            message_id, message_key, content, rule, action, reason, confidence, source, outcome, failure,
                            created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(e.accountId(), e.guildId(), e.channelId(), e.authorId(), e.authorName(), e.messageId(),
                        e.messageKey(), e.content(), e.rule(), e.action(), e.reason(), e.confidence(), e.source(),
                        e.failure().isEmpty() ? "DONE" : "FAILED", e.failure(), Timestamp.from(e.at()))
                .update();
    }

    public List<ModerationLogRecord> list(ModerationLogQuery q) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM moderation_log WHERE account_id = ? AND discord_guild_id = ?");
        List<Object> params = new ArrayList<>(List.of(q.accountId(), q.guildId()));
        condition(sql, params, "action = ?", q.action());
        condition(sql, params, "author_id = ?", q.authorId());
        condition(sql, params, "channel_id = ?", q.channelId());
        condition(sql, params, "created_at >= ?", q.from() == null ? null : Timestamp.from(q.from()));
        condition(sql, params, "created_at < ?", q.to() == null ? null : Timestamp.from(q.to()));
        condition(sql, params, "id < ?", q.before());
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(q.limit());
        return jdbc.sql(sql.toString()).params(params).query(ROW).list();
    }

    public Optional<ModerationLogRecord> find(long accountId, String guildId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM moderation_log WHERE account_id = ? AND discord_guild_id = ? AND id = ?")
                .params(accountId, guildId, id).query(ROW).optional();
    }

    public void markFalsePositive(long accountId, String guildId, long id, String by, Instant at) {
        jdbc.sql("UPDATE moderation_log SET false_positive = TRUE, false_positive_by = ?, false_positive_at = ? "
                        + "WHERE account_id = ? AND discord_guild_id = ? AND id = ?")
                .params(by, Timestamp.from(at), accountId, guildId, id).update();
    }

    /** Earlier actions against a member (not the current message, not false positives) since a time. */
    public int violationsSince(long accountId, String guildId, String authorId, String exceptMessageKey, Instant since) {
        return jdbc.sql("""
                        SELECT COUNT(DISTINCT message_key) FROM moderation_log
                        WHERE discord_guild_id = ? AND author_id = ? AND message_key <> ? AND created_at >= ?
                          AND false_positive = FALSE AND account_id = ?""")
                .params(guildId, authorId, exceptMessageKey, Timestamp.from(since), accountId).query(Integer.class).single();
    }

    private static void condition(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value != null) {
            sql.append(" AND ").append(clause);
            params.add(value);
        }
    }

    private static ModerationLogRecord map(ResultSet rs, int row) throws SQLException {
        Timestamp falsePositiveAt = rs.getTimestamp(17);
        return new ModerationLogRecord(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getDouble(11),
                rs.getString(12), rs.getString(13), rs.getString(14), rs.getBoolean(15), rs.getString(16),
                falsePositiveAt == null ? null : falsePositiveAt.toInstant(), rs.getTimestamp(18).toInstant());
    }
}
