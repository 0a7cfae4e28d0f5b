package dev.steward.workers.knowledge;

/** A retrieved chunk with its scores: cosine similarity, normalized keyword score, and their blend. */
public record Passage(long chunkId, String title, String heading, String content, String sourceUrl,
                      double score, double vectorScore, double keywordScore) {

    /** The label the prompt and the sources line use: title, and heading when there is one. */
    public String label() {
        return heading.isBlank() ? title : title + " — " + heading;
    }
}
