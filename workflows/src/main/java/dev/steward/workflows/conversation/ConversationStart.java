package dev.steward.workflows.conversation;

/**
 * Starts (or continues) a conversation workflow.
 *
 * @param idleMillis     the run completes after this long without a turn while the AI has the conversation
 * @param eventsPerRun   continue-as-new after this many turns and state changes (signals and updates do not
 *                       count toward the server's own suggestion)
 * @param carried        the previous run's state after continue-as-new; null for a fresh start, which reloads
 *                       the recent turns from PostgreSQL
 */
public record ConversationStart(long accountId, ConversationKey key, long idleMillis, int eventsPerRun,
                                ConversationSnapshot carried) {

    public ConversationStart continued(ConversationSnapshot snapshot) {
        return new ConversationStart(accountId, key, idleMillis, eventsPerRun, snapshot);
    }
}
