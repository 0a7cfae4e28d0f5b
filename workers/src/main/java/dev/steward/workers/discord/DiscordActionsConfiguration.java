package dev.steward.workers.discord;

import dev.steward.core.discord.DiscordClients;
import dev.steward.core.discord.DiscordProperties;
import dev.steward.core.sandbox.SandboxActionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class DiscordActionsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DiscordActionsConfiguration.class);

    /** Real Discord when a bot token is configured, else the sandbox. */
    @Bean
    DiscordActions discordActions(DiscordProperties discord, SandboxActionStore sandbox) {
        if (discord.hasBotToken()) {
            log.info("Discord actions: REST API at {}", discord.apiBaseUrl());
            return new RestDiscordActions(DiscordClients.create(discord.botToken(), discord.apiBaseUrl()),
                    RestDiscordActions.CALL_TIMEOUT);
        }
        log.info("Discord actions: sandbox (no DISCORD_BOT_TOKEN); see /api/sandbox");
        return new SandboxDiscordActions(sandbox);
    }
}
