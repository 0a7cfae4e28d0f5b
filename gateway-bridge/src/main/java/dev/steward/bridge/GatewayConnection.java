package dev.steward.bridge;

import dev.steward.core.discord.DiscordClients;
import dev.steward.core.discord.DiscordProperties;
import discord4j.common.store.Store;
import discord4j.common.util.Snowflake;
import discord4j.core.GatewayDiscordClient;
import discord4j.core.event.domain.interaction.ChatInputInteractionEvent;
import discord4j.core.event.domain.lifecycle.DisconnectEvent;
import discord4j.core.event.domain.lifecycle.ReadyEvent;
import discord4j.core.event.domain.lifecycle.ReconnectEvent;
import discord4j.core.event.domain.lifecycle.ReconnectStartEvent;
import discord4j.core.event.domain.message.MessageCreateEvent;
import discord4j.core.shard.ShardingStrategy;
import discord4j.gateway.intent.Intent;
import discord4j.gateway.intent.IntentSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicReference;

/** One bot's gateway session (all its shards this process owns); logs in with retries until stopped. */
final class GatewayConnection {
    private static final Logger log = LoggerFactory.getLogger(GatewayConnection.class);
    static final IntentSet INTENTS = IntentSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES, Intent.MESSAGE_CONTENT);

    private final String name;
    private final AtomicReference<GatewayState.Status> status = new AtomicReference<>(GatewayState.Status.CONNECTING);
    private volatile Disposable session;
    private volatile GatewayDiscordClient client;

    private GatewayConnection(String name) {
        this.name = name;
    }

    static GatewayConnection start(String name, String token, DiscordProperties discord, ShardingStrategy sharding,
                                   GatewayEvents events, Predicate<String> servesGuild) {
        GatewayConnection connection = new GatewayConnection(name);
        log.info("Gateway bridge: connecting {} through {}", name, discord.apiBaseUrl());
        connection.session = DiscordClients.create(token, discord).gateway()
                .setEnabledIntents(INTENTS)
                // The bridge only forwards events, each of which carries what it needs: no entity cache of
                // every guild, channel, role, member and recent message it has seen.
                .setStore(Store.noOp())
                .setSharding(sharding)
                .login()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(2)).maxBackoff(Duration.ofMinutes(1))
                        .doBeforeRetry(s -> log.warn("Gateway login of {} failed, retrying: {}", name, s.failure().toString())))
                .flatMapMany(c -> {
                    connection.client = c;
                    return Mono.when(connection.track(c),
                            c.on(MessageCreateEvent.class, e -> serves(servesGuild, e.getGuildId())
                                    ? events.message(e) : Mono.empty()).then(),
                            c.on(ChatInputInteractionEvent.class, e -> serves(servesGuild, e.getInteraction().getGuildId())
                                    ? events.ask(e) : Mono.empty()).then());
                })
                .subscribe(null, e -> log.error("Gateway session of {} ended", name, e));
        return connection;
    }

    /** Direct messages have no guild: they pass here and the event mapping drops them. */
    private static boolean serves(Predicate<String> servesGuild, Optional<Snowflake> guildId) {
        return guildId.map(id -> servesGuild.test(id.asString())).orElse(true);
    }

    private Mono<Void> track(GatewayDiscordClient c) {
        return Mono.when(
                c.on(ReadyEvent.class).doOnNext(r -> {
                    status.set(GatewayState.Status.CONNECTED);
                    log.info("Gateway bridge: {} connected as {} in {} guild(s)", name, r.getSelf().getUsername(),
                            r.getGuilds().size());
                }),
                c.on(ReconnectEvent.class).doOnNext(r -> status.set(GatewayState.Status.CONNECTED)),
                c.on(ReconnectStartEvent.class).doOnNext(r -> status.set(GatewayState.Status.RECONNECTING)),
                c.on(DisconnectEvent.class).doOnNext(r -> status.set(GatewayState.Status.RECONNECTING)));
    }

    GatewayState.Status status() {
        return status.get();
    }

    void stop() {
        Disposable s = session;
        if (s != null) {
            s.dispose();
        }
        GatewayDiscordClient c = client;
        if (c != null) {
            c.logout().block(Duration.ofSeconds(10));
        }
    }
}
