package dev.steward.core.cache;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * Values kept for a fixed time after they were loaded, for rows read on every message that rarely change.
 * {@link #clear()} makes the next read load again, and a load that was already running when it was called
 * is not kept: it may have read the row as it was before the write that cleared the cache. Values the
 * {@code keep} test refuses are returned but not kept.
 */
final class ExpiringCache<K, V> {
    private record Entry<V>(V value, long loadedAtNanos) {
    }

    private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private final Predicate<V> keep;
    private final LongSupplier nanoTime;

    ExpiringCache(Duration ttl, int maxEntries, Predicate<V> keep) {
        this(ttl, maxEntries, keep, System::nanoTime);
    }

    ExpiringCache(Duration ttl, int maxEntries, Predicate<V> keep, LongSupplier nanoTime) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        this.keep = keep;
        this.nanoTime = nanoTime;
    }

    V get(K key, Function<K, V> load) {
        long now = nanoTime.getAsLong();
        Entry<V> cached = entries.get(key);
        if (cached != null && now - cached.loadedAtNanos() < ttlNanos) {
            return cached.value();
        }
        long before = generation.get();
        V value = load.apply(key);
        if (ttlNanos > 0 && keep.test(value)) {
            if (entries.size() >= maxEntries) {
                entries.clear(); // a crude bound: the entries are cheap to load again
            }
            entries.put(key, new Entry<>(value, now));
            if (generation.get() != before) {
                entries.remove(key); // cleared while loading: what was loaded may predate the write
            }
        }
        return value;
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }
}
