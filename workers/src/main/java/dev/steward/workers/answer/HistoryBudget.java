package dev.steward.workers.answer;

import dev.steward.core.conversation.StoredTurn;

import java.util.List;

/** Keeps the newest turns that fit a character budget (about four characters to a token). */
final class HistoryBudget {
    private HistoryBudget() {
    }

    static List<StoredTurn> fit(List<StoredTurn> oldestFirst, int maxChars) {
        int used = 0;
        int from = oldestFirst.size();
        while (from > 0 && used + oldestFirst.get(from - 1).content().length() <= maxChars) {
            used += oldestFirst.get(--from).content().length();
        }
        return oldestFirst.subList(from, oldestFirst.size());
    }
}
