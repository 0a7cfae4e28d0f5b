package dev.steward.core.bot;

import dev.steward.core.cache.CachedRows;
import dev.steward.core.guild.Guild;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * The custom bot acting in a guild, as every Discord send asks for it. "None" is kept too (most guilds use the
 * shared bot): a bot registered through another process acts within the cache's lifetime.
 */
@Component
public class CachedBots extends CachedRows<String, Bot> {
    private final BotRepository bots;

    CachedBots(BotRepository bots, @Value("${steward.cache.settings-ttl}") Duration ttl) {
        super(ttl, true, Bot.class, Guild.class);
        this.bots = bots;
    }

    public Optional<Bot> byDiscordGuildId(String discordGuildId) {
        return read(discordGuildId, bots::findByDiscordGuildId);
    }
}
