package dev.steward.core.conversation;

import dev.steward.core.audit.AuditLog;
import dev.steward.workflows.conversation.ConversationEvent;
import dev.steward.workflows.conversation.ConversationHistory;
import dev.steward.workflows.conversation.ConversationKey;
import dev.steward.workflows.conversation.ConversationMode;
import dev.steward.workflows.conversation.Turn;
import dev.steward.workflows.conversation.TurnRole;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** Conversation transcripts: the durable record that outlives any workflow. */
@Repository
public class ConversationStore {
    private final JdbcClient jdbc;
    private final ConversationFeedStore feed;
    private final AuditLog audit;

    ConversationStore(JdbcClient jdbc, ConversationFeedStore feed, AuditLog audit) {
        this.jdbc = jdbc;
        this.feed = feed;
        this.audit = audit;
    }

    /**
     * Stores a turn once (a retried call with the same turn key changes nothing), reopens the conversation
     * in the monitoring list and puts the turn on the live feed.
     */
    @Transactional
    public void append(Turn turn) {
        Timestamp at = Timestamp.from(Instant.ofEpochMilli(turn.atMillis()));
        conversationId(turn.accountId(), turn.conversation(), at).ifPresent(id -> appendTo(id, turn, at));
    }

    /**
     * Stores the turn unless a workflow runs for the conversation, which then must get it: false tells the
     * caller to send it there. The row stays locked until the turn is stored, so an agent's takeover, which
     * opens the workflow ({@link #openWorkflow}), waits for it and the workflow's history includes it.
     */
    @Transactional
    public boolean appendUnlessWorkflowOpen(Turn turn) {
        Timestamp at = Timestamp.from(Instant.ofEpochMilli(turn.atMillis()));
        Optional<Row> row = row(turn.accountId(), turn.conversation(), at, " FOR UPDATE");
        if (row.isEmpty()) {
            return true; // not stored: the guild is no longer the turn's account's (see row)
        }
        if (row.get().workflowOpen()) {
            return false;
        }
        appendTo(row.get().id(), turn, at);
        return true;
    }

    /**
     * From now on the conversation's turns go through its workflow: a run calls this as it starts, before it
     * loads the recent turns (its handlers, an agent's takeover among them, wait for that). Waits for a turn
     * being stored without it (see above).
     */
    public void openWorkflow(ConversationKey key) {
        jdbc.sql("UPDATE conversation SET workflow_open = TRUE WHERE discord_guild_id = ? AND channel_id = ? AND user_id = ?")
                .params(key.guildId(), key.channelId(), key.userId())
                .update();
    }

    private void appendTo(long conversationId, Turn turn, Timestamp at) {
        int inserted = jdbc.sql("""
                        INSERT INTO conversation_message (conversation_id, role, turn_key, author_name, content, created_at, sandbox)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(conversationId, turn.role().name(), turn.turnKey(), turn.authorName(), turn.content(), at,
                        turn.sandbox())
                .update();
        if (inserted == 0) {
            return;
        }
        // Newest activity wins, the conversation is open again, and a member's turn carries their current name.
        jdbc.sql("""
                        UPDATE conversation SET last_activity_at = GREATEST(last_activity_at, ?), closed_at = NULL,
                          member_name = COALESCE(?, member_name) WHERE id = ?""")
                .params(at, turn.role() == TurnRole.MEMBER ? turn.authorName() : null, conversationId)
                .update();
        feed.turn(turn.accountId(), conversationId, turn, at);
    }

    /** A takeover, agent reply, release or automatic resume: audit trail, monitoring row and feed, once. */
    @Transactional
    public void recordEvent(ConversationEvent event) {
        Timestamp at = Timestamp.from(Instant.ofEpochMilli(event.atMillis()));
        Optional<Long> row = conversationId(event.accountId(), event.conversation(), at);
        if (row.isEmpty()) {
            return;
        }
        long conversationId = row.get();
        if (!audit.recordOnce(event.eventKey(), event.accountId(), event.actor(), event.action(),
                "conversation/" + conversationId, event.detail(), at.toInstant())) {
            return;
        }
        jdbc.sql("UPDATE conversation SET mode = ?, agent = ?, closed_at = NULL WHERE id = ?")
                .params(event.mode().name(), event.agent(), conversationId)
                .update();
        feed.state(event.accountId(), conversationId, event.action(), at);
    }

    /**
     * The run ended after its idle period: later turns go straight to the store. A turn that came in meanwhile
     * keeps the conversation open in the monitoring list.
     */
    public void close(ConversationKey key, long atMillis) {
        Timestamp at = Timestamp.from(Instant.ofEpochMilli(atMillis));
        jdbc.sql("""
                        UPDATE conversation SET workflow_open = FALSE, mode = 'AI', agent = NULL,
                          closed_at = CASE WHEN last_activity_at <= ? THEN ? ELSE closed_at END
                        WHERE discord_guild_id = ? AND channel_id = ? AND user_id = ?""")
                .params(at, at, key.guildId(), key.channelId(), key.userId())
                .update();
    }

    /** Whether an agent holds the conversation, as last recorded (no row: the AI does). */
    public ConversationMode mode(ConversationKey key) {
        return jdbc.sql("SELECT mode FROM conversation WHERE discord_guild_id = ? AND channel_id = ? AND user_id = ?")
                .params(key.guildId(), key.channelId(), key.userId())
                .query((rs, row) -> ConversationMode.valueOf(rs.getString(1)))
                .optional()
                .orElse(ConversationMode.AI);
    }

    /** What a fresh conversation run starts from: the latest turns, oldest first, and the escalation flag. */
    public ConversationHistory history(ConversationKey key, int limit) {
        List<Turn> newestFirst = jdbc.sql("""
                        SELECT c.account_id, m.role, m.turn_key, m.author_name, m.content, m.created_at, m.sandbox
                        FROM conversation_message m JOIN conversation c ON c.id = m.conversation_id
                        WHERE c.discord_guild_id = ? AND c.channel_id = ? AND c.user_id = ?
                        ORDER BY m.created_at DESC, m.id DESC LIMIT ?""")
                .params(key.guildId(), key.channelId(), key.userId(), limit)
                .query((rs, row) -> new Turn(rs.getLong(1), key, TurnRole.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getTimestamp(6).getTime(), rs.getBoolean(7)))
                .list();
        List<Turn> oldestFirst = oldestFirst(newestFirst);
        boolean escalated = jdbc.sql("""
                        SELECT COUNT(*) FROM conversation WHERE discord_guild_id = ? AND channel_id = ? AND user_id = ?
                        AND escalated_at IS NOT NULL""")
                .params(key.guildId(), key.channelId(), key.userId())
                .query(Long.class).single() > 0;
        return new ConversationHistory(oldestFirst, escalated);
    }

    /** The latest turns of a conversation, oldest first, leaving out one turn (the one being answered). */
    public List<StoredTurn> recentTurns(ConversationKey key, String excludeTurnKey, int limit) {
        return latest("c.discord_guild_id = ? AND c.channel_id = ? AND c.user_id = ?", excludeTurnKey, limit,
                key.guildId(), key.channelId(), key.userId());
    }

    /** The latest turns in a channel from every member and the bot, oldest first, leaving out one turn. */
    public List<StoredTurn> recentChannelTurns(String guildId, String channelId, String excludeTurnKey, int limit) {
        return latest("c.discord_guild_id = ? AND c.channel_id = ?", excludeTurnKey, limit, guildId, channelId);
    }

    private List<StoredTurn> latest(String where, String excludeTurnKey, int limit, Object... whereParams) {
        List<Object> params = new ArrayList<>(List.of(whereParams));
        params.add(excludeTurnKey);
        params.add(limit);
        List<StoredTurn> newestFirst = jdbc.sql("SELECT m.role, m.author_name, m.content FROM conversation_message m"
                        + " JOIN conversation c ON c.id = m.conversation_id WHERE " + where
                        + " AND m.turn_key <> ? ORDER BY m.created_at DESC, m.id DESC LIMIT ?")
                .params(params)
                .query((rs, row) -> new StoredTurn(TurnRole.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .list();
        return oldestFirst(newestFirst);
    }

    /** Queries read the latest rows newest first; callers want them in conversation order. */
    static <T> List<T> oldestFirst(List<T> newestFirst) {
        List<T> reversed = new ArrayList<>(newestFirst);
        Collections.reverse(reversed);
        return reversed;
    }

    /** The account's conversation row, created if missing; empty when the guild is no longer the account's. */
    Optional<Long> conversationId(long accountId, ConversationKey key, Timestamp at) {
        return row(accountId, key, at, "").map(Row::id);
    }

    private record Row(long id, long accountId, boolean workflowOpen) {
    }

    /**
     * A row of another account was left by the guild's earlier account (a message under way as it
     * disconnected): the account that has the guild now starts the conversation over, and any other account's
     * turn is dropped. So no transcript ever holds two accounts' turns, and none is read by the wrong one.
     */
    private Optional<Row> row(long accountId, ConversationKey key, Timestamp at, String lock) {
        ensureRow(accountId, key, at);
        Row row = select(key, lock);
        if (row.accountId() == accountId) {
            return Optional.of(row);
        }
        boolean guildIsTheAccounts = jdbc.sql("SELECT COUNT(*) FROM guild WHERE discord_guild_id = ? AND account_id = ?")
                .params(key.guildId(), accountId).query(Long.class).single() > 0;
        if (!guildIsTheAccounts) {
            return Optional.empty();
        }
        jdbc.sql("DELETE FROM conversation WHERE id = ?").param(row.id()).update();
        ensureRow(accountId, key, at);
        return Optional.of(select(key, lock));
    }

    private Row select(ConversationKey key, String lock) {
        return jdbc.sql("SELECT id, account_id, workflow_open FROM conversation"
                        + " WHERE discord_guild_id = ? AND channel_id = ? AND user_id = ?" + lock)
                .params(key.guildId(), key.channelId(), key.userId())
                .query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getBoolean(3)))
                .single();
    }

    private void ensureRow(long accountId, ConversationKey key, Timestamp at) {
        jdbc.sql("""
                        INSERT INTO conversation (account_id, discord_guild_id, channel_id, user_id, started_at, last_activity_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(accountId, key.guildId(), key.channelId(), key.userId(), at, at)
                .update();
    }
}
