package dev.steward.workflows.retention;

/** What one purge removed: transcript turns, moderation log originals blanked, empty conversations. */
public record PurgeOutcome(int accounts, long messages, long moderationContents, long conversations) {
}
