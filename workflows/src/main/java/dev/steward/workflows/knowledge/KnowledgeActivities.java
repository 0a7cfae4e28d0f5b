package dev.steward.workflows.knowledge;

import io.temporal.activity.ActivityInterface;

@ActivityInterface
public interface KnowledgeActivities {
    /** Fetches the document's URL and stores the page's text as its content. */
    void fetchPage(IngestRequest request);

    /** Chunks, embeds and atomically replaces the document's chunks; -1 when a newer revision exists. */
    int ingest(IngestRequest request);

    /** Marks the revision failed and removes its chunks. */
    void fail(IngestRequest request, String reason);
}
