package dev.steward.core.retention;

import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.retention.PurgeOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;

/**
 * Retention of message contents per account, a member's deletion request and a disconnected guild's data.
 * The purge deletes in batches so a large account never holds one long transaction; every statement only
 * removes, so a retry is harmless.
 */
@Repository
public class RetentionStore {
    static final int BATCH = 5_000;
    /**
     * Every table keyed by the Discord guild id (conversation's rows take their messages and feed with them).
     * Not the quota ledger: it is the account's bill, not the guild's data.
     */
    static final List<String> GUILD_TABLES = List.of("conversation", "moderation_log", "guild_health",
            "proactive_post", "sandbox_action", "rate_hit", "unavailable_notice");
    private final JdbcClient jdbc;
    private final GuildRepository guilds;

    RetentionStore(JdbcClient jdbc, GuildRepository guilds) {
        this.jdbc = jdbc;
        this.guilds = guilds;
    }

    public Optional<Integer> days(long accountId) {
        return jdbc.sql("SELECT retention_days FROM account WHERE id = ?").param(accountId)
                .query((rs, row) -> (Integer) rs.getObject(1)).optional().flatMap(Optional::ofNullable);
    }

    public void setDays(long accountId, Integer days) {
        jdbc.sql("UPDATE account SET retention_days = ? WHERE id = ?").params(days, accountId).update();
    }

    /** @param progress called between batches (the activity heartbeats there) */
    public PurgeOutcome purgeExpired(Instant now, Runnable progress) {
        List<long[]> accounts = jdbc.sql("SELECT id, retention_days FROM account WHERE retention_days IS NOT NULL")
                .query((rs, row) -> new long[]{rs.getLong(1), rs.getInt(2)}).list();
        long messages = 0;
        long moderation = 0;
        long conversations = 0;
        for (long[] account : accounts) {
            Timestamp cutoff = Timestamp.from(now.minus(Duration.ofDays(account[1])));
            messages += batched(progress, """
                    DELETE FROM conversation_message WHERE id IN (SELECT m.id FROM conversation_message m
                      JOIN conversation c ON c.id = m.conversation_id
                      WHERE c.account_id = ? AND m.created_at < ? LIMIT %d)""", account[0], cutoff);
            moderation += batched(progress, """
                    UPDATE moderation_log SET content = '', content_purged_at = ? WHERE id IN (SELECT id FROM moderation_log
                      WHERE account_id = ? AND created_at < ? AND content_purged_at IS NULL LIMIT %d)""",
                    Timestamp.from(now), account[0], cutoff);
            conversations += batched(progress, """
                    DELETE FROM conversation WHERE id IN (SELECT c.id FROM conversation c WHERE c.account_id = ?
                      AND c.last_activity_at < ? AND NOT c.workflow_open AND NOT EXISTS (SELECT 1 FROM conversation_message m
                      WHERE m.conversation_id = c.id) LIMIT %d)""", account[0], cutoff);
            batched(progress, """
                    DELETE FROM sandbox_action WHERE id IN (SELECT s.id FROM sandbox_action s JOIN guild g
                      ON g.discord_guild_id = s.discord_guild_id WHERE g.account_id = ? AND s.created_at < ? LIMIT %d)""",
                    account[0], cutoff);
        }
        return new PurgeOutcome(accounts.size(), messages, moderation, conversations);
    }

    private long batched(Runnable progress, String sql, Object... params) {
        long total = 0;
        while (true) {
            int changed = jdbc.sql(sql.formatted(BATCH)).params(params).update();
            total += changed;
            progress.run();
            if (changed < BATCH) {
                return total;
            }
        }
    }

    /** What a member's deletion removed, and the conversations whose workflows must end. */
    public record MemberDeletion(List<ConversationKey> conversations, long messages, long moderationEntries,
                                 long rateEntries) {
    }

    /** The member's conversations of one guild (their workflows are ended before {@link #deleteMember}). */
    public List<ConversationKey> conversationsOf(long accountId, String guildId, String userId) {
        return jdbc.sql("SELECT channel_id FROM conversation WHERE account_id = ? AND discord_guild_id = ? AND user_id = ?")
                .params(accountId, guildId, userId)
                .query((rs, row) -> new ConversationKey(guildId, rs.getString(1), userId))
                .list();
    }

    /**
     * Deletes the member's transcripts in the guild and blanks the originals and their name in its moderation
     * log (the actions stay, keyed by the Discord id, as the server's record of what was done).
     */
    @Transactional
    public MemberDeletion deleteMember(long accountId, String guildId, String userId, Instant now) {
        List<ConversationKey> conversations = conversationsOf(accountId, guildId, userId);
        long messages = jdbc.sql("""
                        SELECT COUNT(*) FROM conversation_message m JOIN conversation c ON c.id = m.conversation_id
                        WHERE c.account_id = ? AND c.discord_guild_id = ? AND c.user_id = ?""")
                .params(accountId, guildId, userId).query(Long.class).single();
        jdbc.sql("DELETE FROM conversation WHERE account_id = ? AND discord_guild_id = ? AND user_id = ?")
                .params(accountId, guildId, userId).update();
        long moderation = jdbc.sql("""
                        UPDATE moderation_log SET content = '', author_name = '', content_purged_at = ?
                        WHERE account_id = ? AND discord_guild_id = ? AND author_id = ?""")
                .params(Timestamp.from(now), accountId, guildId, userId).update();
        long rate = jdbc.sql("DELETE FROM rate_hit WHERE discord_guild_id = ? AND user_id = ?")
                .params(guildId, userId).update();
        return new MemberDeletion(conversations, messages, moderation, rate);
    }

    /** Rows deleted per table, in deletion order. */
    public record GuildDeletion(Map<String, Long> rows) {
        public String summary() {
            return rows.entrySet().stream().map(row -> row.getKey() + " " + row.getValue())
                    .collect(Collectors.joining(", "));
        }
    }

    /** The guild's conversations whose workflow runs (they are ended before {@link #deleteGuild}). */
    public List<ConversationKey> openConversationsOf(String guildId) {
        return jdbc.sql("SELECT channel_id, user_id FROM conversation WHERE discord_guild_id = ? AND workflow_open")
                .param(guildId)
                .query((rs, row) -> new ConversationKey(guildId, rs.getString(1), rs.getString(2)))
                .list();
    }

    /**
     * Disconnects the guild and deletes everything kept under its Discord id, whichever account wrote it, so an
     * account that connects it later starts clean. One transaction: a disconnect is rare, and all or nothing.
     */
    @Transactional
    public GuildDeletion deleteGuild(Guild guild) {
        String guildId = guild.discordGuildId();
        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put("conversation_message", jdbc.sql("""
                        SELECT COUNT(*) FROM conversation_message m JOIN conversation c ON c.id = m.conversation_id
                        WHERE c.discord_guild_id = ?""")
                .param(guildId).query(Long.class).single());
        for (String table : GUILD_TABLES) {
            rows.put(table, (long) jdbc.sql("DELETE FROM " + table + " WHERE discord_guild_id = ?").param(guildId).update());
        }
        // Through the repository, so the processes caching guild settings hear of it.
        guilds.delete(guild);
        return new GuildDeletion(rows);
    }
}
