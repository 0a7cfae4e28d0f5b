package dev.steward.workflows.knowledge;

/**
 * Ingest one revision of a knowledge document.
 *
 * @param fetch the document is a URL whose page must be fetched first
 */
public record IngestRequest(long documentId, int revision, boolean fetch) {
}
