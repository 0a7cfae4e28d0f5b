package dev.steward.workflows.quota;

/** What a quota unit paid for. */
public enum ChargeKind {
    ANSWER, MODERATION, PROACTIVE
}
