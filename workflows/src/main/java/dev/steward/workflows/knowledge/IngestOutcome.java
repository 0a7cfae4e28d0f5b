package dev.steward.workflows.knowledge;

/** READY with the number of chunks, OVERTAKEN when a newer revision exists, or FAILED with the reason. */
public record IngestOutcome(Status status, int chunks, String reason) {
    public enum Status { READY, OVERTAKEN, FAILED }
}
