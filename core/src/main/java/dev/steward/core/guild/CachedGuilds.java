package dev.steward.core.guild;

import dev.steward.core.cache.CachedRows;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * Guild settings as the workers read them for every message: the settings, then the moderation plan. An
 * unknown guild is not kept, so a guild connected through another process is served from its first message.
 */
@Component
public class CachedGuilds extends CachedRows<String, Guild> {
    private final GuildRepository guilds;

    CachedGuilds(GuildRepository guilds, @Value("${steward.cache.settings-ttl}") Duration ttl) {
        super(ttl, false, Guild.class);
        this.guilds = guilds;
    }

    public Optional<Guild> byDiscordGuildId(String discordGuildId) {
        return read(discordGuildId, guilds::findByDiscordGuildId);
    }
}
