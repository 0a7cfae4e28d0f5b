package dev.steward.workflows.moderation;

/** Moderation actions, from the mildest to the harshest. */
public enum ModerationAction {
    NONE, WARN, DELETE, TIMEOUT, KICK, BAN;

    /** Whether the member's message is gone afterwards, so nothing should answer it. */
    public boolean removesMessage() {
        return this == DELETE || this == KICK || this == BAN;
    }
}
