package dev.steward.core.sandbox;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;

/** The sandbox's memory of bot actions, shared by the workers that act and the API that shows them. */
@Repository
public class SandboxActionStore {
    private final JdbcClient jdbc;
    private final Clock clock;

    SandboxActionStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * Records an action once per nonce, like Discord's enforce_nonce, and returns the message id of the
     * stored row (the earlier one when the nonce was seen before).
     */
    public String record(String guildId, String channelId, String action, String messageId, String targetMessageId,
                         String content, String nonce) {
        jdbc.sql("""
                        INSERT INTO sandbox_action (discord_guild_id, channel_id, action, message_id, target_message_id,
                                                    content, nonce, created_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(guildId, channelId, action, messageId, targetMessageId, content, nonce,
                        Timestamp.from(clock.instant()))
                .update();
        if (nonce == null) {
            return messageId;
        }
        return jdbc.sql("SELECT message_id FROM sandbox_action WHERE nonce = ?").param(nonce).query(String.class).single();
    }

    public List<SandboxAction> list(String guildId, long afterId, int limit) {
        return jdbc.sql("""
                        SELECT id, discord_guild_id, channel_id, action, message_id, target_message_id, content, created_at
                        FROM sandbox_action WHERE discord_guild_id = ? AND id > ? ORDER BY id LIMIT ?""")
                .params(guildId, afterId, limit)
                .query((rs, row) -> new SandboxAction(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getTimestamp(8).toInstant()))
                .list();
    }
}
