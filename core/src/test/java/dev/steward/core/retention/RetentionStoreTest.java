package dev.steward.core.retention;

import dev.steward.core.CoreTestApplication;
import dev.steward.core.Fixtures;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.account.Plan;
import dev.steward.core.conversation.ConversationStore;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.Turn;
import dev.steward.workflows.conversation.TurnRole;
import dev.steward.workflows.retention.PurgeOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(classes = CoreTestApplication.class)
class RetentionStoreTest extends CoreTestApplication.OnPostgres {
    static final Instant NOW = Instant.parse("2026-11-24T12:00:00Z");

    @Autowired RetentionStore retention;
    @Autowired ConversationStore conversations;
    @Autowired AccountRepository accounts;
    @Autowired JdbcClient jdbc;

    private void turn(long account, ConversationKey key, String turnKey, String content, Duration age) {
        conversations.append(new Turn(account, key, TurnRole.MEMBER, turnKey, "alice", content,
                NOW.minus(age).toEpochMilli()));
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
}
