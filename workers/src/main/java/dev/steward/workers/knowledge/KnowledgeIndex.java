package dev.steward.workers.knowledge;

import dev.steward.core.knowledge.KnowledgeStore;
import dev.steward.core.knowledge.StoredChunk;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory copy of each account's chunks with their keyword statistics. It is checked against the
 * account's knowledge revision on every use (one indexed read), so any worker sees a change made anywhere.
 */
@Component
class KnowledgeIndex {
    private final KnowledgeStore store;
    private final Map<Long, Snapshot> snapshots = new ConcurrentHashMap<>();

    KnowledgeIndex(KnowledgeStore store) {
        this.store = store;
    }

    record Entry(StoredChunk chunk, Map<String, Integer> termCounts, int length) {
    }

    record Snapshot(long revision, List<Entry> entries, Map<String, Integer> documentFrequency, double averageLength) {
    }

    Snapshot of(long accountId) {
        long revision = store.revision(accountId);
        Snapshot cached = snapshots.get(accountId);
        if (cached != null && cached.revision() == revision) {
            return cached;
        }
        Snapshot fresh = build(revision, store.chunks(accountId));
        snapshots.put(accountId, fresh);
        return fresh;
    }

    private static Snapshot build(long revision, List<StoredChunk> chunks) {
        Map<String, Integer> documentFrequency = new HashMap<>();
        List<Entry> entries = chunks.stream().map(chunk -> {
            List<String> tokens = Tokens.of(chunk.documentTitle() + " " + chunk.heading() + " " + chunk.content());
            Map<String, Integer> counts = new HashMap<>();
            tokens.forEach(t -> counts.merge(t, 1, Integer::sum));
            counts.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
            return new Entry(chunk, counts, tokens.size());
        }).toList();
        double averageLength = entries.stream().mapToInt(Entry::length).average().orElse(1);
        return new Snapshot(revision, entries, documentFrequency, averageLength);
    }
}
