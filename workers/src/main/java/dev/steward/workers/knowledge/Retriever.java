package dev.steward.workers.knowledge;

import dev.langchain4j.model.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * Hybrid retrieval: cosine similarity of all-MiniLM embeddings blended with a BM25 keyword score (normalized
 * to the best match), so exact product terms and error codes count as well as meaning.
 */
@Component
public class Retriever {
    private static final double K1 = 1.2;
    private static final double B = 0.75;

    private final EmbeddingModel embeddings;
    private final KnowledgeIndex index;
    private final double vectorWeight;
    private final double minSimilarity;

    Retriever(@Lazy EmbeddingModel embeddings, KnowledgeIndex index,
              @Value("${steward.knowledge.vector-weight:0.75}") double vectorWeight,
              @Value("${steward.knowledge.min-similarity:0.3}") double minSimilarity) {
        this.embeddings = embeddings;
        this.index = index;
        this.vectorWeight = vectorWeight;
        this.minSimilarity = minSimilarity;
    }

    /** The best passages, best first, whatever their relevance. */
    public List<Passage> search(long accountId, String query, int limit) {
        return search(accountId, query, limit, -1);
    }

    /** Only passages that are about the question (similar enough in meaning), best first. */
    public List<Passage> relevant(long accountId, String query, int limit) {
        return search(accountId, query, limit, minSimilarity);
    }

    private List<Passage> search(long accountId, String query, int limit, double minVector) {
        KnowledgeIndex.Snapshot snapshot = index.of(accountId);
        if (snapshot.entries().isEmpty() || query.isBlank()) {
            return List.of();
        }
        float[] q = embeddings.embed(query).content().vector();
        List<String> terms = new ArrayList<>(new HashSet<>(Tokens.of(query)));
        double[] keyword = new double[snapshot.entries().size()];
        double bestKeyword = 0;
        for (int i = 0; i < keyword.length; i++) {
            keyword[i] = bm25(snapshot, snapshot.entries().get(i), terms);
            bestKeyword = Math.max(bestKeyword, keyword[i]);
        }
        List<Passage> passages = new ArrayList<>(keyword.length);
        for (int i = 0; i < keyword.length; i++) {
            KnowledgeIndex.Entry entry = snapshot.entries().get(i);
            double vector = dot(q, entry.chunk().embedding());
            if (vector < minVector) {
                continue;
            }
            double kw = bestKeyword > 0 ? keyword[i] / bestKeyword : 0;
            passages.add(new Passage(entry.chunk().id(), entry.chunk().documentTitle(), entry.chunk().heading(),
                    entry.chunk().content(), entry.chunk().sourceUrl(),
                    vectorWeight * vector + (1 - vectorWeight) * kw, vector, kw));
        }
        passages.sort(Comparator.comparingDouble(Passage::score).reversed());
        return passages.subList(0, Math.min(limit, passages.size()));
    }

    private static double bm25(KnowledgeIndex.Snapshot snapshot, KnowledgeIndex.Entry entry, List<String> terms) {
        double score = 0;
        int n = snapshot.entries().size();
        for (String term : terms) {
            Integer tf = entry.termCounts().get(term);
            if (tf == null) {
                continue;
            }
            int df = snapshot.documentFrequency().getOrDefault(term, 0);
            double idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
            score += idf * tf * (K1 + 1) / (tf + K1 * (1 - B + B * entry.length() / snapshot.averageLength()));
        }
        return score;
    }

    /** Both vectors are normalized, so the dot product is the cosine similarity. */
    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
