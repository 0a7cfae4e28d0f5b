package dev.steward.core.discord;

import discord4j.common.util.Snowflake;
import discord4j.rest.RestClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Registers /ask in a guild by bulk overwrite, which is idempotent: registering again changes nothing. Needs
 * the shared bot's token and application id; without them (sandbox) there is nothing to register.
 */
@Component
public class CommandRegistrar {
    private static final Logger log = LoggerFactory.getLogger(CommandRegistrar.class);
    private final DiscordProperties discord;
    private volatile RestClient rest;

    CommandRegistrar(DiscordProperties discord) {
        this.discord = discord;
    }

    public boolean enabled() {
        return discord.hasBotToken() && discord.applicationId() != null && !discord.applicationId().isBlank();
    }

    /** Returns whether the commands are registered; failures are logged, never thrown (a connect must not fail). */
    public boolean register(String guildId) {
        if (!enabled()) {
            return false;
        }
        try {
            client().getApplicationService().bulkOverwriteGuildApplicationCommand(Snowflake.asLong(discord.applicationId()),
                    Snowflake.asLong(guildId), AskCommand.commands()).collectList().block(Duration.ofSeconds(15));
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not register /ask in guild {}: {}", guildId, e.toString());
            return false;
        }
    }

    private RestClient client() {
        if (rest == null) {
            rest = DiscordClients.create(discord.botToken(), discord);
        }
        return rest;
    }
}
