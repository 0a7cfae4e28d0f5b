package dev.steward.bridge;

import dev.steward.core.discord.DiscordProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One gateway session per bot: the shared one ({@code DISCORD_BOT_TOKEN}) and every custom bot registered by
 * an account. The custom ones are reloaded periodically, so adding, removing or changing a bot takes effect
 * without a restart. Reported by actuator health as {@code gateway}.
 */
@Component("gateway")
class GatewaySessions implements SmartLifecycle, HealthIndicator {
    private static final Logger log = LoggerFactory.getLogger(GatewaySessions.class);
    static final String SHARED = "shared";

    private final DiscordProperties discord;
    private final GatewayEvents events;
    private final BotTokens bots;
    private final int shardCount;
    private final String shardIndices;
    private final Duration reloadEvery;
    private final Map<String, Running> sessions = new ConcurrentHashMap<>();
    /** Bots whose session could not start, with the token that failed: tried again once the token changes. */
    private final Map<String, String> refused = new ConcurrentHashMap<>();
    private volatile BotTokens.Snapshot snapshot = new BotTokens.Snapshot(Map.of(), Map.of());
    private volatile ScheduledExecutorService reloader;

    private record Running(String token, GatewayConnection connection) {
    }

    GatewaySessions(DiscordProperties discord, GatewayEvents events, BotTokens bots,
                    @Value("${steward.discord.shard-count:0}") int shardCount,
                    @Value("${steward.discord.shard-indices:}") String shardIndices,
                    @Value("${steward.gateway.reload-interval:30s}") Duration reloadEvery) {
        this.discord = discord;
        this.events = events;
        this.bots = bots;
        this.shardCount = shardCount;
        this.shardIndices = shardIndices;
        this.reloadEvery = reloadEvery;
    }

    @Override
    public void start() {
        if (discord.hasBotToken()) {
            sessions.put(SHARED, new Running(discord.botToken(), connect(SHARED, discord.botToken())));
        } else {
            log.info("Gateway bridge: no shared bot (no DISCORD_BOT_TOKEN)");
        }
        reloader = Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "gateway-reload"));
        reloader.scheduleWithFixedDelay(this::reload, 0, reloadEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts sessions for new custom bots, stops removed ones, restarts ones whose token changed. */
    synchronized void reload() {
        try {
            snapshot = bots.current();
            Map<String, String> wanted = snapshot.tokens();
            sessions.forEach((name, running) -> {
                if (!SHARED.equals(name) && !running.token().equals(wanted.get(name))) {
                    running.connection().stop();
                    sessions.remove(name);
                    log.info("Gateway bridge: stopped the session of bot {}", name);
                }
            });
            refused.keySet().retainAll(wanted.keySet());
            wanted.forEach(this::startUnlessRunning);
        } catch (RuntimeException e) {
            log.warn("Could not reload custom bots: {}", e.toString());
        }
    }

    /** One bot that cannot start (a token Discord4J refuses) is skipped, logged once, and never stops the others. */
    private void startUnlessRunning(String applicationId, String token) {
        if (sessions.containsKey(applicationId) || token.equals(refused.get(applicationId))) {
            return;
        }
        try {
            sessions.put(applicationId, new Running(token, connect(applicationId, token)));
            refused.remove(applicationId);
        } catch (RuntimeException e) {
            refused.put(applicationId, token);
            log.warn("Gateway bridge: cannot start the session of bot {} until its token changes: {}", applicationId,
                    e.getMessage());
        }
    }

    /** Each session handles only the guilds its bot serves, so two bots in one guild never answer twice. */
    private GatewayConnection connect(String session, String token) {
        return GatewayConnection.start(session, token, discord, Sharding.strategy(shardCount, shardIndices),
                events, guildId -> snapshot.serves(session, guildId));
    }

    GatewayState.Status status(String name) {
        Running running = sessions.get(name);
        return running == null ? GatewayState.Status.DISABLED : running.connection().status();
    }

    @Override
    public Health health() {
        if (sessions.isEmpty()) {
            return Health.up().withDetail("gateway", "off: no bot token (sandbox Discord)").build();
        }
        Map<String, String> details = new HashMap<>();
        sessions.forEach((name, running) -> details.put(name, running.connection().status().name().toLowerCase()));
        boolean allConnected = sessions.values().stream()
                .allMatch(r -> r.connection().status() == GatewayState.Status.CONNECTED);
        return (allConnected ? Health.up() : Health.outOfService()).withDetails(details).build();
    }

    @Override
    public void stop() {
        ScheduledExecutorService r = reloader;
        if (r != null) {
            r.shutdownNow();
        }
        sessions.values().forEach(running -> running.connection().stop());
        sessions.clear();
    }

    @Override
    public boolean isRunning() {
        return reloader != null && !reloader.isShutdown();
    }
}
