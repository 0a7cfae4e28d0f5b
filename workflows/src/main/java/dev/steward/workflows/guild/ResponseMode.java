package dev.steward.workflows.guild;

/** When the bot answers in a guild. */
public enum ResponseMode {
    /** When mentioned, or when a member replies to one of the bot's messages (default). */
    MENTION,
    /** Every message in the allowed channels. */
    ALL_MESSAGES,
    /** Only through the /ask command; gateway messages are still moderated. */
    ASK_ONLY
}
