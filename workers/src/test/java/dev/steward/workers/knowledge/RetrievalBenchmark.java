package dev.steward.workers.knowledge;

import dev.steward.core.account.AccountRepository;
import dev.steward.core.knowledge.DocumentKind;
import dev.steward.core.knowledge.KnowledgeDocument;
import dev.steward.core.knowledge.KnowledgeDocumentRepository;
import dev.steward.core.knowledge.KnowledgeStore;
import dev.steward.testing.Fixtures;
import dev.steward.testing.db.TestDatabase;
import dev.steward.workflows.knowledge.IngestRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Retrieval benchmark, not a test: the shipped handbook plus generated distractor documents (about 2,000
 * chunks in all), the shipped question set, recall@3 and the latency of one retrieval (embedding the
 * question included). Run: {@code ./mvnw -pl workers -am test -Dtest=RetrievalBenchmark -Dbenchmark=true
 * -Dsurefire.failIfNoSpecifiedTests=false}; the figures go to the console and to
 * {@code workers/target/benchmark-retrieval.txt}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@SpringBootTest(classes = KnowledgeTestApp.class)
class RetrievalBenchmark {
    static final int TARGET_CHUNKS = 2000;
    static final int TIMED_QUERIES = 1000;
    static final String[] WORDS = ("server cache queue token invoice region cluster latency request policy storage "
            + "replica shard metric alert webhook bucket gateway schedule export import quota session pipeline "
            + "artifact runtime kernel socket proxy certificate header cookie payload template widget report").split(" ");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry::add);
    }

    @Autowired AccountRepository accounts;
    @Autowired KnowledgeDocumentRepository documents;
    @Autowired KnowledgeActivitiesImpl knowledge;
    @Autowired KnowledgeStore store;
    @Autowired Retriever retriever;

    @Test
    void measure() throws Exception {
        long account = KnowledgeTestApp.accountWithHandbook(accounts, documents, knowledge);
        addDistractors(account);
        int chunks = store.chunks(account).size();
        List<String[]> questions = Fixtures.text(Fixtures.QUESTIONS).lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).map(l -> l.split("\t")).toList();

        int hits = 0;
        int relevant = 0;
        for (String[] q : questions) {
            hits += retriever.search(account, q[0], 3).stream().anyMatch(p -> p.heading().endsWith(q[1])) ? 1 : 0;
            relevant += retriever.relevant(account, q[0], 3).stream().anyMatch(p -> p.heading().endsWith(q[1])) ? 1 : 0;
        }
        List<String> offTopic = Fixtures.text(Fixtures.OFF_TOPIC).lines()
                .filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
        long falseHits = offTopic.stream().filter(q -> !retriever.relevant(account, q, 3).isEmpty()).count();
        for (int i = 0; i < 100; i++) {
            retriever.search(account, questions.get(i % questions.size())[0], 3);
        }
        long[] nanos = new long[TIMED_QUERIES];
        for (int i = 0; i < TIMED_QUERIES; i++) {
            long start = System.nanoTime();
            retriever.search(account, questions.get(i % questions.size())[0], 3);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        String report = String.format("retrieval benchmark: %d chunks, %d questions, recall@3 %.3f (%d/%d), "
                        + "answer passage above the relevance threshold %d/%d, off-topic messages finding something %d/%d, "
                        + "latency median %.2f ms, p99 %.2f ms over %d queries, %d cores%n", chunks, questions.size(),
                (double) hits / questions.size(), hits, questions.size(), relevant, questions.size(), falseHits, offTopic.size(), nanos[TIMED_QUERIES / 2] / 1e6,
                nanos[(int) (TIMED_QUERIES * 0.99)] / 1e6, TIMED_QUERIES, Runtime.getRuntime().availableProcessors());
        System.out.print(report);
        Files.writeString(Path.of("target/benchmark-retrieval.txt"), report);
    }

    /** Plausible but unrelated documents, so retrieval has to pick the answer out of ~2,000 chunks. */
    private void addDistractors(long account) {
        Random random = new Random(42);
        int existing = store.chunks(account).size();
        for (int d = 0; existing < TARGET_CHUNKS; d++) {
            StringBuilder text = new StringBuilder();
            for (int section = 0; section < 20; section++) {
                text.append("## ").append(word(random)).append(' ').append(word(random)).append("\n\n");
                for (int sentence = 0; sentence < 6; sentence++) {
                    text.append("The ").append(word(random)).append(' ').append(word(random)).append(" updates the ")
                            .append(word(random)).append(" before every ").append(word(random)).append(" and ")
                            .append(word(random)).append(" in the ").append(word(random)).append(" service. ");
                }
                text.append("\n\n");
            }
            KnowledgeDocument doc = documents.save(KnowledgeDocument.pending(account, "Internal notes " + d, null,
                    DocumentKind.MARKDOWN, text.toString(), Instant.now()));
            existing += knowledge.ingest(new IngestRequest(doc.id(), doc.revision(), false));
        }
    }

    private static String word(Random random) {
        return WORDS[random.nextInt(WORDS.length)];
    }
}
