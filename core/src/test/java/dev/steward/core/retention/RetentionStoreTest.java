package dev.steward.core.retention;

import dev.steward.core.CoreTestApplication;
import dev.steward.core.Fixtures;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.core.conversation.ConversationStore;
import dev.steward.core.guild.Guild;
import dev.steward.core.guild.GuildRepository;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.Turn;
import dev.steward.workflows.conversation.TurnRole;
import dev.steward.workflows.retention.PurgeOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

@SpringBootTest(classes = CoreTestApplication.class)
class RetentionStoreTest extends CoreTestApplication.OnPostgres {
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Autowired RetentionStore retention;
    @Autowired ConversationStore conversations;
    @Autowired AccountRepository accounts;
    @Autowired GuildRepository guilds;
    @Autowired JdbcClient jdbc;

    private void turn(long account, ConversationKey key, String turnKey, String content, Duration age) {
        conversations.append(new Turn(account, key, TurnRole.MEMBER, turnKey, "alice", content,
                NOW.minus(age).toEpochMilli(), false));
    }

    private void moderationEntry(long account, String guild, String author, String content, Duration age) {
        jdbc.sql("""
                        INSERT INTO moderation_log (account_id, discord_guild_id, channel_id, author_id, author_name, message_id,
                          message_key, content, rule, action, reason, confidence, source, outcome, failure, created_at)
                        VALUES (?, ?, 'c', ?, 'alice', '1', ?, ?, 'r', 'DELETE', 'spam', 1.0, 'FILTER', 'DONE', '', ?)""")
                .params(account, guild, author, "k-" + System.nanoTime(), content, Timestamp.from(NOW.minus(age)))
                .update();
    }

    private List<String> contents(long account) {
        return jdbc.sql("SELECT m.content FROM conversation_message m JOIN conversation c ON c.id = m.conversation_id "
                + "WHERE c.account_id = ? ORDER BY m.created_at").param(account).query(String.class).list();
    }

    private List<String> moderationContents(long account) {
        return jdbc.sql("SELECT content FROM moderation_log WHERE account_id = ? ORDER BY created_at")
                .param(account).query(String.class).list();
    }

    @Test
    void purgeRemovesOnlyContentsOlderThanEachAccountsRetention() {
        long kept = Fixtures.newAccount(accounts, Plan.STARTER);
        long purged = Fixtures.newAccount(accounts, Plan.STARTER);
        retention.setDays(purged, 30);
        for (long account : List.of(kept, purged)) {
            ConversationKey old = new ConversationKey("g" + account, "c1", "u1");
            ConversationKey mixed = new ConversationKey("g" + account, "c2", "u2");
            turn(account, old, account + "-a", "old question", Duration.ofDays(40));
            turn(account, mixed, account + "-b", "older answer", Duration.ofDays(31));
            turn(account, mixed, account + "-c", "recent question", Duration.ofDays(2));
            moderationEntry(account, "g" + account, "u1", "old spam", Duration.ofDays(45));
            moderationEntry(account, "g" + account, "u1", "new spam", Duration.ofDays(1));
        }

        PurgeOutcome outcome = retention.purgeExpired(NOW, () -> { });
        PurgeOutcome again = retention.purgeExpired(NOW, () -> { });

        assertThat(contents(purged)).containsExactly("recent question");
        assertThat(moderationContents(purged)).containsExactly("", "new spam");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation WHERE account_id = ?").param(purged)
                .query(Long.class).single()).as("the emptied old conversation is gone").isEqualTo(1);
        assertThat(contents(kept)).containsExactly("old question", "older answer", "recent question");
        assertThat(moderationContents(kept)).containsExactly("old spam", "new spam");
        assertThat(outcome.messages()).isGreaterThanOrEqualTo(2);
        assertThat(again.messages()).as("a second pass finds nothing of that account").isZero();
        assertThat(retention.days(purged)).contains(30);
        assertThat(retention.days(kept)).isEmpty();
    }

    /** Its row marks where the conversation's turns go: without it they would bypass the running workflow. */
    @Test
    void anEmptiedConversationWhoseWorkflowRunsKeepsItsRow() {
        long account = Fixtures.newAccount(accounts, Plan.STARTER);
        retention.setDays(account, 30);
        ConversationKey held = new ConversationKey("g" + account, "c1", "u1");
        turn(account, held, account + "-old", "old question", Duration.ofDays(40));
        conversations.openWorkflow(held);

        retention.purgeExpired(NOW, () -> { });

        assertThat(contents(account)).isEmpty();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM conversation WHERE account_id = ? AND workflow_open").param(account)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void deletingAMemberRemovesTheirTranscriptsAndBlanksTheirModerationOriginalsOnly() {
        long account = Fixtures.newAccount(accounts, Plan.STARTER);
        String guild = "g" + account;
        turn(account, new ConversationKey(guild, "c1", "u1"), account + "-1", "my address is 1 Main St", Duration.ZERO);
        turn(account, new ConversationKey(guild, "c2", "u1"), account + "-2", "second channel", Duration.ZERO);
        turn(account, new ConversationKey(guild, "c1", "u2"), account + "-3", "another member", Duration.ZERO);
        moderationEntry(account, guild, "u1", "rude words", Duration.ZERO);
        moderationEntry(account, guild, "u2", "other rude words", Duration.ZERO);

        RetentionStore.MemberDeletion deleted = retention.deleteMember(account, guild, "u1", NOW);

        assertThat(deleted.conversations()).extracting(ConversationKey::channelId).containsExactlyInAnyOrder("c1", "c2");
        assertThat(deleted.messages()).isEqualTo(2);
        assertThat(deleted.moderationEntries()).isEqualTo(1);
        assertThat(contents(account)).containsExactly("another member");
        assertThat(jdbc.sql("SELECT author_id || ':' || author_name || ':' || content FROM moderation_log WHERE account_id = ? ORDER BY author_id")
                .param(account).query(String.class).list()).containsExactly("u1::", "u2:alice:other rude words");
    }

    @Test
    void deletingAGuildRemovesItsRowsInEveryPerGuildTableWhoeverWroteThemAndNothingOfOtherGuilds() {
        long account = Fixtures.newAccount(accounts, Plan.STARTER);
        long earlierAccount = Fixtures.newAccount(accounts, Plan.STARTER);
        String guild = "gone" + account;
        String other = "kept" + account;
        Guild connected = guilds.save(Guild.connect(guild, account, "Gone", NOW));
        guilds.save(Guild.connect(other, account, "Kept", NOW));
        for (String g : List.of(guild, other)) {
            turn(account, new ConversationKey(g, "c1", "u1"), g + "-1", "question", Duration.ZERO);
            turn(account, new ConversationKey(g, "c1", "u1"), g + "-2", "follow-up", Duration.ZERO);
            moderationEntry(account, g, "u1", "rude words", Duration.ZERO);
            jdbc.sql("INSERT INTO guild_health (discord_guild_id, missing_permission, detail, seen_at) VALUES (?, 'Ban Members', '', ?)")
                    .params(g, Timestamp.from(NOW)).update();
            jdbc.sql("INSERT INTO proactive_post (discord_guild_id, run_key, outcome, reason, created_at) VALUES (?, ?, 'SKIPPED', '', ?)")
                    .params(g, "run-" + g, Timestamp.from(NOW)).update();
            jdbc.sql("INSERT INTO sandbox_action (discord_guild_id, channel_id, action, message_id, created_at) VALUES (?, 'c1', 'SEND', '1', ?)")
                    .params(g, Timestamp.from(NOW)).update();
            jdbc.sql("INSERT INTO rate_hit (discord_guild_id, user_id, message_key, hit_at) VALUES (?, 'u1', ?, ?)")
                    .params(g, "hit-" + g, Timestamp.from(NOW)).update();
            jdbc.sql("INSERT INTO unavailable_notice (discord_guild_id, channel_id, notice_day, message_key, created_at) VALUES (?, 'c1', ?, 'k', ?)")
                    .params(g, Date.valueOf("2026-11-24"), Timestamp.from(NOW)).update();
        }
        // Left by an account that had the guild before: it goes too.
        turn(earlierAccount, new ConversationKey(guild, "c2", "u2"), guild + "-3", "older question", Duration.ZERO);
        moderationEntry(earlierAccount, guild, "u2", "older rude words", Duration.ZERO);
        conversations.openWorkflow(new ConversationKey(guild, "c1", "u1"));

        assertThat(retention.openConversationsOf(guild)).containsExactly(new ConversationKey(guild, "c1", "u1"));
        RetentionStore.GuildDeletion deleted = retention.deleteGuild(connected);

        assertThat(deleted.rows()).containsExactly(entry("conversation_message", 3L), entry("conversation", 2L),
                entry("moderation_log", 2L), entry("guild_health", 1L), entry("proactive_post", 1L),
                entry("sandbox_action", 1L), entry("rate_hit", 1L), entry("unavailable_notice", 1L));
        assertThat(deleted.summary()).startsWith("conversation_message 3, conversation 2, moderation_log 2");
        assertThat(guilds.findByDiscordGuildId(guild)).isEmpty();
        for (String table : RetentionStore.GUILD_TABLES) {
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE discord_guild_id = ?").param(guild)
                    .query(Long.class).single()).as(table + " of the disconnected guild").isZero();
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE discord_guild_id = ?").param(other)
                    .query(Long.class).single()).as(table + " of another guild").isOne();
        }
        assertThat(contents(account)).containsExactly("question", "follow-up");
        assertThat(guilds.findByDiscordGuildId(other)).isPresent();
    }
}
