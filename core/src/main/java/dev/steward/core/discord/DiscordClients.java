package dev.steward.core.discord;

import discord4j.core.DiscordClient;
import discord4j.core.DiscordClientBuilder;
import discord4j.rest.request.BucketGlobalRateLimiter;
import discord4j.rest.request.RouterOptions;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;

/**
 * Builds Discord4J clients that talk to the configured REST base instead of discord.com, each with its bot's
 * global request limit (Discord's is 50 per second per bot; Discord4J queues what goes over it).
 */
public final class DiscordClients {
    private DiscordClients() {
    }

    public static DiscordClient create(String token, DiscordProperties discord) {
        return create(token, discord.apiBaseUrl(), discord.requestsPerSecond());
    }

    public static DiscordClient create(String token, String apiBaseUrl, int requestsPerSecond) {
        String base = apiBaseUrl.endsWith("/") ? apiBaseUrl.substring(0, apiBaseUrl.length() - 1) : apiBaseUrl;
        // Discord4J has no base-URL setter: the base is the last field of RouterOptions (STACK.md).
        return DiscordClientBuilder.create(token)
                .setExtraOptions(o -> new RouterOptions(o.getAuthorizationScheme(), o.getToken(), o.getReactorResources(),
                        o.getExchangeStrategies(), o.getResponseTransformers(),
                        BucketGlobalRateLimiter.create(requestsPerSecond, Duration.ofSeconds(1), Schedulers.parallel()),
                        o.getRequestQueueFactory(), base))
                .build();
    }
}
