package dev.steward.core.ratelimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;

/**
 * How often one member may ask (/ask and mentions) before "slow down": at most {@code steward.rate-limit.per-member}
 * questions within {@code steward.rate-limit.window}, so one member cannot drain the account's quota. Each
 * question is recorded once by its key, so asking the same question again (a retry) is judged the same way.
 */
@Repository
public class MemberRateLimiter {
    private final JdbcClient jdbc;
    private final int perMember;
    private final Duration window;

    MemberRateLimiter(JdbcClient jdbc, @Value("${steward.rate-limit.per-member:5}") int perMember,
                      @Value("${steward.rate-limit.window:60s}") Duration window) {
        this.jdbc = jdbc;
        this.perMember = perMember;
        this.window = window;
    }

    public boolean allow(String guildId, String userId, String messageKey, Instant at) {
        jdbc.sql("INSERT INTO rate_hit (discord_guild_id, user_id, message_key, hit_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
                .params(guildId, userId, messageKey, Timestamp.from(at)).update();
        Timestamp hitAt = jdbc.sql("SELECT hit_at FROM rate_hit WHERE message_key = ?").param(messageKey)
                .query(Timestamp.class).single();
        int earlier = jdbc.sql("""
                        SELECT COUNT(*) FROM rate_hit WHERE discord_guild_id = ? AND user_id = ?
                          AND hit_at > ? AND (hit_at < ? OR (hit_at = ? AND message_key < ?))""")
                .params(guildId, userId, Timestamp.from(hitAt.toInstant().minus(window)), hitAt, hitAt, messageKey)
                .query(Integer.class).single();
        return earlier < perMember;
    }
}
