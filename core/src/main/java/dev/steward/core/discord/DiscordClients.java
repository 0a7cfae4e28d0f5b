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
    /** No limit in practice: Discord's per-route buckets, which Discord4J keeps per client, still apply. */
    static final int INTERACTION_REQUESTS_PER_SECOND = 10_000;

    private DiscordClients() {
    }

    public static DiscordClient create(String token, DiscordProperties discord) {
        return create(token, discord.apiBaseUrl(), discord.requestsPerSecond());
    }

    /**
     * For interaction answers (the /ask webhook routes), which Discord does not count against the bot's global
     * limit: a client of their own, so they neither wait behind the bot's other requests nor sit out its global
     * 429s. Its own limiter only honours a global 429 on these routes.
     */
    public static DiscordClient forInteractions(String token, DiscordProperties discord) {
        return forInteractions(token, discord.apiBaseUrl());
    }

    public static DiscordClient forInteractions(String token, String apiBaseUrl) {
        return create(token, apiBaseUrl, INTERACTION_REQUESTS_PER_SECOND);
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
