package dev.steward.workers.knowledge;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class MiniLmEmbeddingModelTest {
    static final List<String> TEXTS = List.of("How do I reset my password?",
            "Deployments can be rolled back from the Deployments tab.", "lol same", "Fehler 502 beim Login");

    @Test
    void embedsLikeTheArtifactsOwnModel() {
        List<Embedding> ours = new MiniLmEmbeddingModel().embedAll(segments()).content();
        List<Embedding> theirs = new AllMiniLmL6V2QuantizedEmbeddingModel().embedAll(segments()).content();

        assertThat(ours).hasSameSizeAs(theirs);
        for (int i = 0; i < ours.size(); i++) {
            assertThat(ours.get(i).dimension()).isEqualTo(384);
            float[] a = ours.get(i).vector();
            float[] b = theirs.get(i).vector();
            for (int d = 0; d < a.length; d++) {
                assertThat(a[d]).as("text %d, dimension %d", i, d).isCloseTo(b[d], within(1e-4f));
            }
        }
    }

    /**
     * ONNX Runtime's default pool starts its threads from the thread that creates the session, so they inherit
     * its name (on Linux): a thread of its own name proves no pool exists, and no pool means nothing spins.
     */
    @Test
    void embedsOnTheCallingThreadWithoutAPoolOfItsOwn() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self/task")), "threads are listed from Linux's /proc");
        String probe = "embedding-probe";
        AtomicReference<Long> sameNamed = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                MiniLmEmbeddingModel model = new MiniLmEmbeddingModel();
                TEXTS.forEach(model::embed);
                sameNamed.set(threadsNamed(probe));
            } catch (Throwable e) {
                failure.set(e);
            }
        }, probe);
        thread.start();
        thread.join();

        assertThat(failure.get()).isNull();
        assertThat(sameNamed.get()).as("threads named %s: the probe itself, and no pool", probe).isEqualTo(1);
    }

    private static List<TextSegment> segments() {
        return TEXTS.stream().map(TextSegment::from).toList();
    }

    private static long threadsNamed(String name) throws IOException {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(task -> {
                try {
                    return Files.readString(task.resolve("comm")).trim().equals(name);
                } catch (IOException vanished) {
                    return false;
                }
            }).count();
        }
    }
}
