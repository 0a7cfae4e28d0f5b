package dev.steward.core.quota;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** At most one "the assistant is unavailable" notice per channel per UTC day, owned by one message. */
@Repository
public class UnavailableNotices {
    private final JdbcClient jdbc;

    UnavailableNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** True for the message that owns today's notice in this channel (also when it asks again on a retry). */
    public boolean claim(String guildId, String channelId, String messageKey, Instant at) {
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        jdbc.sql("""
                        INSERT INTO unavailable_notice (discord_guild_id, channel_id, notice_day, message_key, created_at)
                        VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(guildId, channelId, day, messageKey, Timestamp.from(at)).update();
        return messageKey.equals(jdbc.sql("SELECT message_key FROM unavailable_notice WHERE discord_guild_id = ? AND channel_id = ? AND notice_day = ?")
                .params(guildId, channelId, day).query(String.class).single());
    }
}
