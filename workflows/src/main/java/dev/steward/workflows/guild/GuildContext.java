package dev.steward.workflows.guild;

import java.util.List;

/**
 * The settings a message workflow needs, read once at its start so that a settings change applies from
 * the next message on.
 *
 * @param connected         false when no account has connected the guild: the message is ignored
 * @param smartMode         in all-messages mode, the AI may skip messages it cannot help with
 * @param channelAwareness  the AI sees the recent conversation of the whole channel
 * @param allowedChannelIds channels the bot answers in; empty means all
 */
public record GuildContext(boolean connected, long accountId, String guildId, ResponseMode responseMode,
                           boolean smartMode, boolean channelAwareness, List<String> allowedChannelIds) {

    public GuildContext {
        // Histories recorded before these settings existed carry no value for them.
        responseMode = responseMode == null ? ResponseMode.MENTION : responseMode;
        allowedChannelIds = allowedChannelIds == null ? List.of() : List.copyOf(allowedChannelIds);
    }

    public GuildContext(boolean connected, long accountId, String guildId, ResponseMode responseMode) {
        this(connected, accountId, guildId, responseMode, true, false, List.of());
    }

    public static GuildContext notConnected(String guildId) {
        return new GuildContext(false, 0, guildId, ResponseMode.MENTION);
    }
}
