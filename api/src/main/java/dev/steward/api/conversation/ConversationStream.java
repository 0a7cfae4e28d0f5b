package dev.steward.api.conversation;

import dev.steward.core.conversation.ConversationFeedStore;
import dev.steward.core.conversation.ConversationFeedStore.FeedEntry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Server-Sent Events of new turns and state changes, per account. One poller per api replica reads the
 * feed table that the workers' activities write, so it works whichever process ran the workflow.
 * Identity ids can become visible out of order (concurrent transactions), so ids are re-read for a few
 * seconds and each is sent once.
 */
@Component
class ConversationStream implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(ConversationStream.class);
    private static final long GRACE_NANOS = Duration.ofSeconds(5).toNanos();
    private static final Duration FEED_KEPT = Duration.ofHours(1);
    /** A comment now and then finds clients that went away, which only a write can notice. */
    private static final long HEARTBEAT_NANOS = Duration.ofSeconds(15).toNanos();

    private final ConversationFeedStore feed;
    private final Clock clock;
    private final long pollMillis;
    private final Map<SseEmitter, Long> subscribers = new ConcurrentHashMap<>();
    private final TreeMap<Long, Long> recentlySent = new TreeMap<>();
    private ScheduledExecutorService poller;
    private long lowWatermark;
    private long lastPurgeNanos;
    private long lastHeartbeatNanos;
    private volatile boolean running;

    ConversationStream(ConversationFeedStore feed, Clock clock,
                       @Value("${steward.conversation.stream-poll:200ms}") Duration poll) {
        this.feed = feed;
        this.clock = clock;
        this.pollMillis = poll.toMillis();
    }

    record Event(long conversationId, String kind, String role, String authorName, String content, String action,
                 String mode, String agent, boolean escalated, String at) {
    }

    SseEmitter subscribe(long accountId) {
        SseEmitter emitter = new SseEmitter(Duration.ofMinutes(30).toMillis());
        emitter.onCompletion(() -> subscribers.remove(emitter));
        emitter.onTimeout(() -> subscribers.remove(emitter));
        emitter.onError(e -> subscribers.remove(emitter));
        startPolling();
        subscribers.put(emitter, accountId);
        try {
            emitter.send(SseEmitter.event().comment("connected"));
        } catch (IOException gone) {
            subscribers.remove(emitter);
        }
        return emitter;
    }

    private synchronized void startPolling() {
        if (poller != null) {
            return;
        }
        lowWatermark = feed.latestId();
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "conversation-stream");
            t.setDaemon(true);
            return t;
        });
        poller.scheduleWithFixedDelay(this::pollSafely, 0, pollMillis, TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException failure) {
            log.warn("Conversation stream poll failed; retrying: {}", failure.toString());
        }
    }

    private void poll() {
        long now = System.nanoTime();
        if (subscribers.isEmpty()) {
            return;
        }
        for (FeedEntry entry : feed.after(lowWatermark, 1000)) {
            if (recentlySent.putIfAbsent(entry.id(), now) == null) {
                dispatch(entry);
            }
        }
        while (!recentlySent.isEmpty() && now - recentlySent.firstEntry().getValue() > GRACE_NANOS) {
            lowWatermark = Math.max(lowWatermark, recentlySent.pollFirstEntry().getKey());
        }
        if (now - lastHeartbeatNanos > HEARTBEAT_NANOS) {
            lastHeartbeatNanos = now;
            subscribers.keySet().forEach(emitter -> send(emitter, SseEmitter.event().comment("keep-alive")));
        }
        if (now - lastPurgeNanos > TimeUnit.MINUTES.toNanos(1)) {
            lastPurgeNanos = now;
            feed.purgeBefore(clock.instant().minus(FEED_KEPT));
        }
    }

    private void dispatch(FeedEntry e) {
        Event event = new Event(e.conversationId(), e.kind(), e.role(), e.authorName(), e.content(), e.action(),
                e.mode(), e.agent(), e.escalated(), e.at().toString());
        subscribers.forEach((emitter, accountId) -> {
            if (accountId != e.accountId()) {
                return;
            }
            send(emitter, SseEmitter.event().id(Long.toString(e.id())).name(e.kind().toLowerCase())
                    .data(event, MediaType.APPLICATION_JSON));
        });
    }

    private void send(SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(emitter);
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /**
     * Ends every stream before the web server's graceful shutdown starts waiting for open requests (this phase
     * stops first); otherwise each open dashboard holds a deploy for the whole grace period.
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.shutdownNow();
            poller = null;
        }
        subscribers.keySet().forEach(SseEmitter::complete);
        subscribers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE;
    }
}
