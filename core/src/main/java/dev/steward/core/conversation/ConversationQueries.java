package dev.steward.core.conversation;

import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.ConversationMode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the monitoring API reads: active conversations and transcripts, always scoped to one account. */
@Repository
public class ConversationQueries {
    private static final String COLUMNS = "id, discord_guild_id, channel_id, user_id, member_name, mode, agent,"
            + " last_activity_at, escalated_at, closed_at, workflow_open";
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ConversationProperties properties;

    ConversationQueries(JdbcClient jdbc, Clock clock, ConversationProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
    }

    public record Summary(long id, String guildId, String channelId, String userId, String memberName,
                          ConversationMode mode, String agent, Instant lastActivityAt, boolean escalated,
                          Instant escalatedAt, boolean active) {

        public ConversationKey key() {
            return new ConversationKey(guildId, channelId, userId);
        }
    }

    public record TranscriptTurn(String role, String authorName, String content, Instant at) {
    }

    /**
     * Open conversations, newest activity first: those with a running workflow (until it ends idle), and
     * those without one whose last turn is more recent than that idle period.
     */
    public List<Summary> active(long accountId, String guildId, ConversationMode mode, int limit) {
        Instant idleSince = idleSince();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM conversation WHERE account_id = ?"
                + " AND closed_at IS NULL AND (workflow_open OR last_activity_at > ?)");
        List<Object> params = new ArrayList<>(List.of(accountId, Timestamp.from(idleSince)));
        if (guildId != null) {
            sql.append(" AND discord_guild_id = ?");
            params.add(guildId);
        }
        if (mode != null) {
            sql.append(" AND mode = ?");
            params.add(mode.name());
        }
        sql.append(" ORDER BY last_activity_at DESC, id DESC LIMIT ?");
        params.add(limit);
        return jdbc.sql(sql.toString()).params(params).query((rs, row) -> summary(rs, idleSince)).list();
    }

    public Optional<Summary> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation WHERE account_id = ? AND id = ?")
                .params(accountId, id)
                .query((rs, row) -> summary(rs, idleSince()))
                .optional();
    }

    /** The latest turns, oldest first. */
    public List<TranscriptTurn> transcript(long conversationId, int limit) {
        List<TranscriptTurn> newestFirst = jdbc.sql("""
                        SELECT role, author_name, content, created_at FROM conversation_message
                        WHERE conversation_id = ? ORDER BY created_at DESC, id DESC LIMIT ?""")
                .params(conversationId, limit)
                .query((rs, row) -> new TranscriptTurn(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .list();
        return ConversationStore.oldestFirst(newestFirst);
    }

    private Instant idleSince() {
        return clock.instant().minus(properties.idle());
    }

    private static Summary summary(ResultSet rs, Instant idleSince) throws SQLException {
        var escalatedAt = rs.getTimestamp(9);
        Instant lastActivity = rs.getTimestamp(8).toInstant();
        boolean active = rs.getTimestamp(10) == null && (rs.getBoolean(11) || lastActivity.isAfter(idleSince));
        return new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                ConversationMode.valueOf(rs.getString(6)), rs.getString(7), lastActivity,
                escalatedAt != null, escalatedAt == null ? null : escalatedAt.toInstant(), active);
    }
}
