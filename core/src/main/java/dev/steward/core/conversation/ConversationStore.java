package dev.steward.core.conversation;

import dev.steward.workflows.conversation.ConversationKey;
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

/** Conversation transcripts: the durable record that outlives any workflow. */
@Repository
public class ConversationStore {
    private final JdbcClient jdbc;

    ConversationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a turn once: a retried call with the same turn key changes nothing. */
    @Transactional
    public void append(Turn turn) {
        Timestamp at = Timestamp.from(Instant.ofEpochMilli(turn.atMillis()));
        long conversationId = conversationId(turn.accountId(), turn.conversation(), at);
        jdbc.sql("""
                        INSERT INTO conversation_message (conversation_id, role, turn_key, author_name, content, created_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(conversationId, turn.role().name(), turn.turnKey(), turn.authorName(), turn.content(), at)
                .update();
        jdbc.sql("UPDATE conversation SET last_activity_at = ? WHERE id = ? AND last_activity_at < ?")
                .params(at, conversationId, at)
                .update();
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
        List<StoredTurn> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return oldestFirst;
    }

    private long conversationId(long accountId, ConversationKey key, Timestamp at) {
        jdbc.sql("""
                        INSERT INTO conversation (account_id, discord_guild_id, channel_id, user_id, started_at, last_activity_at)
                        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(accountId, key.guildId(), key.channelId(), key.userId(), at, at)
                .update();
        return jdbc.sql("SELECT id FROM conversation WHERE discord_guild_id = ? AND channel_id = ? AND user_id = ?")
                .params(key.guildId(), key.channelId(), key.userId())
                .query(Long.class)
                .single();
    }
}
