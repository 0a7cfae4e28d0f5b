package dev.steward.workflows.conversation;

import java.util.List;

/** What a fresh run reloads from PostgreSQL: the latest turns and whether the member was escalated. */
public record ConversationHistory(List<Turn> recentTurns, boolean escalated) {
}
