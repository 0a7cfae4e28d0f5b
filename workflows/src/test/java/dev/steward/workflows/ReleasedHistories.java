package dev.steward.workflows;

import io.temporal.client.WorkflowClient;
import io.temporal.testing.WorkflowReplayer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Workflow histories recorded from released versions, one file per scenario and release
 * ({@code <workflow>-<scenario>[.<release>].json}): written by the history recorders, replayed in every build.
 */
public final class ReleasedHistories {
    private static final Path DIR = Path.of("src/test/resources/histories");

    private ReleasedHistories() {
    }

    /** Every recorded history of the workflow whose files start with {@code prefix}, as classpath resources. */
    public static List<String> of(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> name.startsWith(prefix + "-") && name.endsWith(".json"))
                    .sorted().map(name -> "histories/" + name).toList();
        }
    }

    public static void replayAll(String prefix, Class<?> implementation) throws Exception {
        List<String> histories = of(prefix);
        if (histories.isEmpty()) {
            throw new AssertionError("no recorded histories for " + prefix);
        }
        for (String history : histories) {
            WorkflowReplayer.replayWorkflowExecutionFromResource(history, implementation);
        }
    }

    /** Writes the history unless this scenario was already recorded for this release: released files stay. */
    public static void save(WorkflowClient client, String workflowId, String scenario, String release) throws IOException {
        Path file = DIR.resolve(scenario + (release.isEmpty() ? "" : "." + release) + ".json");
        if (!Files.exists(file)) {
            Files.writeString(file, client.fetchHistory(workflowId).toJson(true));
        }
    }
}
