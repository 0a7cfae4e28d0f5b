package dev.steward.api.guild;

import dev.steward.core.guild.Guild;
import dev.steward.workflows.guild.ResponseMode;

import java.time.Instant;

/** A connected guild as the API shows it. */
record GuildView(String guildId, String name, ResponseMode responseMode, boolean smartMode, boolean channelAwareness,
                 String allowedChannelIds, int takeoverTimeoutSeconds, Instant connectedAt, Instant updatedAt, String inviteUrl) {

    static GuildView of(Guild g, String applicationId) {
        return new GuildView(g.discordGuildId(), g.name(), g.responseMode(), g.smartMode(), g.channelAwareness(),
                g.allowedChannelIds(), g.takeoverTimeoutSeconds(), g.connectedAt(), g.updatedAt(), BotInvite.link(applicationId, g.discordGuildId()));
    }
}
