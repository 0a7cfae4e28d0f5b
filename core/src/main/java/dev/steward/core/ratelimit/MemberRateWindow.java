package dev.steward.core.ratelimit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The abuse guard's fast path for the interactions endpoint: the same limit as {@link MemberRateLimiter},
 * counted in this process's memory, so the 3-second path to Discord's deferred answer needs no database
 * round trip. The workflow still applies the durable limiter (shared by all replicas), so a member who
 * spreads questions over several api replicas is still stopped there.
 */
@Component
public class MemberRateWindow {
    private static final int MAX_MEMBERS = 100_000;
    private final int perMember;
    private final Duration window;
    private final Map<String, Deque<Instant>> hits = new ConcurrentHashMap<>();

    MemberRateWindow(@Value("${steward.rate-limit.per-member:5}") int perMember,
                     @Value("${steward.rate-limit.window:60s}") Duration window) {
        this.perMember = perMember;
        this.window = window;
    }

    public boolean allow(String guildId, String userId, Instant at) {
        if (hits.size() > MAX_MEMBERS) {
            evictIdle(at);
        }
        Deque<Instant> member = hits.computeIfAbsent(guildId + ":" + userId, k -> new ArrayDeque<>());
        synchronized (member) {
            Instant since = at.minus(window);
            while (!member.isEmpty() && !member.peekFirst().isAfter(since)) {
                member.pollFirst();
            }
            if (member.size() >= perMember) {
                return false; // refused attempts are not kept, so a spammer's memory stays bounded
            }
            member.addLast(at);
            return true;
        }
    }

    private void evictIdle(Instant at) {
        Instant since = at.minus(window);
        for (Iterator<Deque<Instant>> it = hits.values().iterator(); it.hasNext(); ) {
            Deque<Instant> member = it.next();
            synchronized (member) {
                if (member.isEmpty() || !member.peekLast().isAfter(since)) {
                    it.remove();
                }
            }
        }
    }
}
