package dev.steward.workers.discord;

import dev.steward.core.discord.DiscordProperties;
import dev.steward.core.sandbox.SandboxActionStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

@Configuration(proxyBeanMethods = false)
class DiscordActionsConfiguration {
    private static final Logger log = LoggerFactory.getLogger(DiscordActionsConfiguration.class);

    /** Always there: sandbox messages act through it even when a real bot serves their guild. */
    @Bean
    SandboxDiscordActions sandboxDiscordActions(SandboxActionStore store) {
        return new SandboxDiscordActions(store);
    }

    /** The shared bot: real Discord when a bot token is configured, else the sandbox. */
    @Bean
    @Primary
    DiscordActions discordActions(DiscordProperties discord, SandboxDiscordActions sandbox) {
        if (discord.hasBotToken()) {
            log.info("Discord actions: REST API at {}", discord.apiBaseUrl());
            return RestDiscordActions.forBot(discord.botToken(), discord);
        }
        log.info("Discord actions: sandbox (no DISCORD_BOT_TOKEN); see /api/sandbox");
        return sandbox;
    }
}
