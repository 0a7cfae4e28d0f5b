package dev.steward.workflows.proactive;

/** The written post, or a skip when no fresh post could be written (too close to recent ones, no model). */
public record PostDraft(boolean skip, String reason, String topic, String content) {
}
