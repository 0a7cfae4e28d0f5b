package dev.steward.workflows.moderation;

/** What decided a moderation action: a fast filter (free) or the AI verdict (one quota unit). */
public enum ModerationSource {
    FILTER, AI
}
