package dev.steward.api.guild;

/** The OAuth2 link that adds the bot to a guild with the permissions Steward needs. */
final class BotInvite {
    /**
     * View Channels, Send Messages, Send Messages in Threads, Read Message History, Manage Messages (delete),
     * Moderate Members (timeout), Kick Members, Ban Members.
     */
    static final long PERMISSIONS = (1L << 10) | (1L << 11) | (1L << 38) | (1L << 16) | (1L << 13) | (1L << 40)
            | (1L << 1) | (1L << 2);

    private BotInvite() {
    }

    static String link(String applicationId, String guildId) {
        if (applicationId == null || applicationId.isBlank()) {
            return null;
        }
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot%20applications.commands&permissions=" + PERMISSIONS
                + "&guild_id=" + guildId + "&disable_guild_select=true";
    }
}
