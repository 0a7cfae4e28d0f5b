package dev.steward.core.knowledge;

/** A chunk ready to store: its place in the document, its heading path, its text and embedding. */
public record ChunkDraft(int position, String heading, String content, float[] embedding) {
}
