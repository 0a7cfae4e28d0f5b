package dev.steward.workflows.guild;

/**
 * The settings a message workflow needs, read once at its start so that a settings change applies from
 * the next message on.
 *
 * @param connected false when no account has connected the guild: the message is ignored
 */
public record GuildContext(boolean connected, long accountId, String guildId, ResponseMode responseMode) {

    public static GuildContext notConnected(String guildId) {
        return new GuildContext(false, 0, guildId, ResponseMode.MENTION);
    }
}
