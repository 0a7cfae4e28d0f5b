package dev.steward.core.knowledge;

/** A chunk as retrieval reads it. */
public record StoredChunk(long id, long documentId, String documentTitle, String sourceUrl, String heading,
                          String content, float[] embedding) {
}
