package dev.steward.bridge;

import dev.steward.core.discord.DiscordClients;
import dev.steward.core.discord.DiscordProperties;
import dev.steward.core.message.MessageWorkflowStarter;
import dev.steward.workflows.message.IncomingMessage;
import discord4j.core.GatewayDiscordClient;
import discord4j.core.event.domain.interaction.ChatInputInteractionEvent;
import discord4j.core.event.domain.lifecycle.DisconnectEvent;
import discord4j.core.event.domain.lifecycle.ReadyEvent;
import discord4j.core.event.domain.lifecycle.ReconnectEvent;
import discord4j.core.event.domain.lifecycle.ReconnectStartEvent;
import discord4j.core.event.domain.message.MessageCreateEvent;
import discord4j.gateway.intent.Intent;
import discord4j.gateway.intent.IntentSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Optional;

/**
 * The Discord gateway session of the shared bot. Each human message in a guild, and each /ask delivered over
 * the gateway, becomes a workflow start;
 * a start that fails (Temporal unreachable) is retried with backoff for up to an hour, so a message is not
 * lost to a short outage, and one bad event never stops the stream.
 */
@Component
class GatewaySession implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(GatewaySession.class);
    static final IntentSet INTENTS = IntentSet.of(Intent.GUILDS, Intent.GUILD_MESSAGES, Intent.MESSAGE_CONTENT);

    private final DiscordProperties discord;
    private final MessageWorkflowStarter starter;
    private final GatewayState state;
    private final int shardCount;
    private final String shardIndices;
    private volatile Disposable session;
    private volatile GatewayDiscordClient client;

    GatewaySession(DiscordProperties discord, MessageWorkflowStarter starter, GatewayState state,
                   @Value("${steward.discord.shard-count:0}") int shardCount,
                   @Value("${steward.discord.shard-indices:}") String shardIndices) {
        this.shardCount = shardCount;
        this.shardIndices = shardIndices;
        this.discord = discord;
        this.starter = starter;
        this.state = state;
    }

    @Override
    public void start() {
        if (!discord.hasBotToken()) {
            log.info("Gateway bridge: off (no DISCORD_BOT_TOKEN)");
            return;
        }
        state.set(GatewayState.Status.CONNECTING);
        log.info("Gateway bridge: connecting through {}", discord.apiBaseUrl());
        session = DiscordClients.create(discord.botToken(), discord.apiBaseUrl()).gateway()
                .setEnabledIntents(INTENTS)
                .setSharding(Sharding.strategy(shardCount, shardIndices))
                .login()
                .retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofSeconds(2)).maxBackoff(Duration.ofMinutes(1))
                        .doBeforeRetry(s -> log.warn("Gateway login failed, retrying: {}", s.failure().toString())))
                .flatMapMany(c -> {
                    client = c;
                    return Mono.when(track(c), c.on(MessageCreateEvent.class, this::handle).then(),
                            c.on(ChatInputInteractionEvent.class, this::handleAsk).then());
                })
                .subscribe(null, e -> log.error("Gateway session ended", e));
    }

    private Mono<Void> track(GatewayDiscordClient c) {
        return Mono.when(
                c.on(ReadyEvent.class).doOnNext(r -> {
                    state.set(GatewayState.Status.CONNECTED);
                    log.info("Gateway bridge: connected as {} in {} guild(s)", r.getSelf().getUsername(), r.getGuilds().size());
                }),
                c.on(ReconnectEvent.class).doOnNext(r -> state.set(GatewayState.Status.CONNECTED)),
                c.on(ReconnectStartEvent.class).doOnNext(r -> state.set(GatewayState.Status.RECONNECTING)),
                c.on(DisconnectEvent.class).doOnNext(r -> state.set(GatewayState.Status.RECONNECTING)));
    }

    private Mono<Void> handle(MessageCreateEvent event) {
        return Mono.justOrEmpty(MessageEvents.toIncoming(event.getMessage(), event.getMember(),
                        event.getClient().getSelfId()))
                .flatMap(this::startWorkflow)
                .onErrorResume(e -> {
                    log.error("Skipping gateway message {}: {}", event.getMessage().getId().asString(), e.toString());
                    return Mono.empty();
                });
    }

    /**
     * /ask delivered over the gateway (no interactions endpoint configured): acknowledge within Discord's
     * 3 seconds with a deferred reply, then hand it to the same workflow as the endpoint does.
     */
    private Mono<Void> handleAsk(ChatInputInteractionEvent event) {
        if (!"ask".equals(event.getCommandName())) {
            return Mono.empty();
        }
        Optional<IncomingMessage> message = AskInteractions.toIncoming(event);
        Mono<Void> handled = message.isPresent() ? event.deferReply().then(startWorkflow(message.get()))
                : event.reply("Ask a question in a server, for example: /ask question: how do I reset my password?")
                .withEphemeral(true);
        return handled.onErrorResume(e -> {
            log.error("Skipping /ask interaction {}: {}", event.getInteraction().getId().asString(), e.toString());
            return Mono.empty();
        });
    }

    private Mono<Void> startWorkflow(IncomingMessage message) {
        return Mono.fromCallable(() -> starter.start(message))
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(Retry.backoff(60, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1))
                        .doBeforeRetry(s -> log.warn("Could not start workflow for message {}, retrying: {}",
                                message.messageId(), s.failure().toString())))
                .doOnNext(started -> {
                    if (!started.created()) {
                        log.debug("Message {} seen before (replay or second replica); not started again",
                                message.messageId());
                    }
                })
                .then();
    }

    @Override
    public void stop() {
        Disposable s = session;
        if (s != null) {
            s.dispose();
        }
        GatewayDiscordClient c = client;
        if (c != null) {
            c.logout().block(Duration.ofSeconds(10));
        }
        state.set(GatewayState.Status.DISABLED);
    }

    @Override
    public boolean isRunning() {
        return session != null && !session.isDisposed();
    }
}
