package dev.steward.core.discord;

import discord4j.core.DiscordClient;
import discord4j.core.DiscordClientBuilder;
import discord4j.rest.request.RouterOptions;

/** Builds Discord4J clients that talk to the configured REST base instead of discord.com. */
public final class DiscordClients {
    private DiscordClients() {
    }

    public static DiscordClient create(String token, String apiBaseUrl) {
        String base = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
        // Discord4J has no base-URL setter: the base is the last field of RouterOptions (STACK.md).
        return DiscordClientBuilder.create(token)
                .setExtraOptions(o -> new RouterOptions(o.getAuthorizationScheme(), o.getToken(), o.getReactorResources(),
                        o.getExchangeStrategies(), o.getResponseTransformers(), o.getGlobalRateLimiter(),
                        o.getRequestQueueFactory(), base))
                .build();
    }
}
