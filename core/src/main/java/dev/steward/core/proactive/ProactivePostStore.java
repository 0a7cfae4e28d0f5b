package dev.steward.core.proactive;

import dev.steward.workflows.proactive.PostRecord;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The history of proactive runs: posted, skipped (and why) or failed (and why). */
@Repository
public class ProactivePostStore {
    private final JdbcClient jdbc;

    ProactivePostStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record StoredPost(long id, String outcome, String reason, String channelName, String topic, String content,
                             String messageId, Instant createdAt) {
    }

    public void record(PostRecord post) {
        jdbc.sql("""
                        INSERT INTO proactive_post (discord_guild_id, run_key, outcome, reason, channel_name, topic, content,
                                                    message_id, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(post.guildId(), post.runKey(), post.outcome().status().name(), post.outcome().reason(),
                        post.channelName(), post.topic(), post.content(), post.outcome().messageId(),
                        Timestamp.from(Instant.ofEpochMilli(post.atMillis())))
                .update();
    }

    public List<StoredPost> recent(String guildId, int limit) {
        return jdbc.sql("""
                        SELECT id, outcome, reason, channel_name, topic, content, message_id, created_at
                        FROM proactive_post WHERE discord_guild_id = ? ORDER BY id DESC LIMIT ?""")
                .params(guildId, limit)
                .query((rs, n) -> new StoredPost(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }

    /** The latest posts that went out, newest first, for the writer to avoid repeating them. */
    public List<String> recentContents(String guildId, int limit) {
        return jdbc.sql("SELECT content FROM proactive_post WHERE discord_guild_id = ? AND outcome = 'POSTED' "
                        + "ORDER BY id DESC LIMIT ?")
                .params(guildId, limit).query(String.class).list();
    }
}
