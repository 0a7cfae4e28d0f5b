package dev.steward.core.cache;

import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rows that the message path reads for every message, kept for a short time. A save or delete of the
 * aggregates they come from, through their repositories, clears them once it commits: in this process by the
 * transaction's event, in the others by a PostgreSQL notice ({@link CacheChangeNotices}). Entries also expire,
 * which bounds what a process misses while it cannot hear those notices.
 */
public abstract class CachedRows<K, T> {
    private static final int MAX_ENTRIES = 10_000;
    private final List<Class<?>> sources;
    private final ExpiringCache<K, Optional<T>> cache;

    /**
     * @param keepAbsent whether "no such row" is kept too; when not, a row created by another process is
     *                   found at once
     */
    protected CachedRows(Duration ttl, boolean keepAbsent, Class<?>... sources) {
        this.sources = List.of(sources);
        this.cache = new ExpiringCache<>(ttl, MAX_ENTRIES, found -> keepAbsent || found.isPresent());
    }

    protected Optional<T> read(K key, Function<K, Optional<T>> load) {
        // A transaction that writes may read its own uncommitted rows, which a rollback would leave in the cache.
        boolean writing = TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
        return writing ? load.apply(key) : cache.get(key, load);
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void saved(AfterSaveEvent<?> event) {
        clearIfSource(event.getType());
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void deleted(AfterDeleteEvent<?> event) {
        clearIfSource(event.getType());
    }

    private void clearIfSource(Class<?> type) {
        if (watches(type)) {
            cache.clear();
        }
    }

    boolean watches(Class<?> type) {
        return sources.contains(type);
    }

    /** For a notice from another process, which names the type. */
    void clearIfSource(String typeName) {
        if (sources.stream().anyMatch(type -> type.getName().equals(typeName))) {
            cache.clear();
        }
    }

    void clear() {
        cache.clear();
    }
}
