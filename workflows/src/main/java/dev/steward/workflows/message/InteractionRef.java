package dev.steward.workflows.message;

/** An application command interaction: the answer edits its original (deferred) response. */
public record InteractionRef(String applicationId, String token) {
}
