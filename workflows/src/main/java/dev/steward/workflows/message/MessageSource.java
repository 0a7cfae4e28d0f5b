package dev.steward.workflows.message;

/** Where a message entered Steward. */
public enum MessageSource {
    /** A MESSAGE_CREATE from a Discord gateway session. */
    GATEWAY,
    /** The local-mode sandbox API, standing in for Discord. */
    SANDBOX,
    /** The /ask slash command. */
    ASK
}
