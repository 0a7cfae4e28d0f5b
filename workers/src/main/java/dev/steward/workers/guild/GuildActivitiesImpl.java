package dev.steward.workers.guild;

import dev.steward.core.guild.CachedGuilds;
import dev.steward.workflows.guild.GuildActivities;
import dev.steward.workflows.guild.GuildContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Arrays;

@Component
class GuildActivitiesImpl implements GuildActivities {
    private static final Logger log = LoggerFactory.getLogger(GuildActivitiesImpl.class);
    private final CachedGuilds guilds;

    GuildActivitiesImpl(CachedGuilds guilds) {
        this.guilds = guilds;
    }

    @Override
    public GuildContext loadContext(String guildId) {
        return guilds.byDiscordGuildId(guildId)
                .map(g -> new GuildContext(true, g.accountId(), g.discordGuildId(), g.responseMode(), g.smartMode(),
                        g.channelAwareness(), Arrays.stream(g.allowedChannelIds().split(","))
                        .map(String::strip).filter(id -> !id.isEmpty()).toList()))
                .orElseGet(() -> {
                    log.info("Guild {} is not connected to any account; ignoring its message", guildId);
                    return GuildContext.notConnected(guildId);
                });
    }
}
