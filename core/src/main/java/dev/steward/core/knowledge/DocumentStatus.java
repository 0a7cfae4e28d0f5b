package dev.steward.core.knowledge;

public enum DocumentStatus {
    /** Stored; chunks and embeddings are being made (for a URL: the page is being fetched). */
    PENDING,
    READY,
    /** Ingestion failed; {@code failureReason} says why. The previous chunks, if any, are gone. */
    FAILED
}
