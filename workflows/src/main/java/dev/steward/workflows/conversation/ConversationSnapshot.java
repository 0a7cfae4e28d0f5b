package dev.steward.workflows.conversation;

import java.util.List;

/**
 * A conversation's state: what the query shows, and what continue-as-new carries to the next run.
 *
 * @param epochMillis           when this conversation's first run started; with {@code eventSeq} it keys events
 * @param lastAgentActionMillis the last takeover or agent reply: the AI resumes a timeout after it
 * @param recentTurns           the latest turns, oldest first
 */
public record ConversationSnapshot(long accountId, ConversationKey key, ConversationMode mode, String agent,
                                   long lastAgentActionMillis, long takeoverTimeoutMillis, boolean escalated,
                                   List<Turn> recentTurns, long epochMillis, long eventSeq) {

    /** When the AI takes the conversation back if no agent acts before; 0 in AI mode. */
    public long resumesAtMillis() {
        return mode == ConversationMode.HUMAN ? lastAgentActionMillis + takeoverTimeoutMillis : 0;
    }
}
