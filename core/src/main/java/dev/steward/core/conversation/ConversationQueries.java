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
    /**
     * Open: a running workflow (until it ends idle), or, without one, a turn more recent than that idle period.
     * The list filters on it and each summary shows it; its parameter is the start of the idle period.
     */
    private static final String ACTIVE = "closed_at IS NULL AND (workflow_open OR last_activity_at > ?)";
    private static final String COLUMNS = "id, discord_guild_id, channel_id, user_id, member_name, mode, agent,"
            + " last_activity_at, escalated_at, (" + ACTIVE + ") AS active";
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

    /** Open conversations (see {@link #ACTIVE}), newest activity first. */
    public List<Summary> active(long accountId, String guildId, ConversationMode mode, int limit) {
        Timestamp idleSince = idleSince();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM conversation WHERE account_id = ? AND "
                + ACTIVE);
        List<Object> params = new ArrayList<>(List.of(idleSince, accountId, idleSince));
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
        return jdbc.sql(sql.toString()).params(params).query(ConversationQueries::summary).list();
    }

    public Optional<Summary> find(long accountId, long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM conversation WHERE account_id = ? AND id = ?")
                .params(idleSince(), accountId, id)
                .query(ConversationQueries::summary)
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

    private Timestamp idleSince() {
        return Timestamp.from(clock.instant().minus(properties.idle()));
    }

    private static Summary summary(ResultSet rs, int row) throws SQLException {
        var escalatedAt = rs.getTimestamp(9);
        return new Summary(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                ConversationMode.valueOf(rs.getString(6)), rs.getString(7), rs.getTimestamp(8).toInstant(),
                escalatedAt != null, escalatedAt == null ? null : escalatedAt.toInstant(), rs.getBoolean(10));
    }
}
