package dev.steward.core.moderation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** Permissions the bot found missing in a guild, shown to admins until an action needing them succeeds. */
@Repository
public class GuildHealth {
    private final JdbcClient jdbc;

    GuildHealth(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    public void missing(String guildId, String permission, String detail, Instant at) {
        int updated = jdbc.sql("UPDATE guild_health SET detail = ?, seen_at = ? WHERE discord_guild_id = ? AND missing_permission = ?")
                .params(detail, Timestamp.from(at), guildId, permission).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO guild_health (discord_guild_id, missing_permission, detail, seen_at) VALUES (?, ?, ?, ?) "
                            + "ON CONFLICT DO NOTHING")
                    .params(guildId, permission, detail, Timestamp.from(at)).update();
        }
    }

    public void granted(String guildId, String permission) {
        jdbc.sql("DELETE FROM guild_health WHERE discord_guild_id = ? AND missing_permission = ?")
                .params(guildId, permission).update();
    }

    /** Lines like "missing permission: Ban Members". */
    public List<String> problems(String guildId) {
        return jdbc.sql("SELECT missing_permission FROM guild_health WHERE discord_guild_id = ? ORDER BY missing_permission")
                .param(guildId).query(String.class).list().stream().map(p -> "missing permission: " + p).toList();
    }
}
