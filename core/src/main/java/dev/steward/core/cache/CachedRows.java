package dev.steward.core.cache;

import org.springframework.data.relational.core.mapping.event.AbstractRelationalEvent;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.transaction.event.TransactionalEventListener;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Rows that the message path reads for every message, kept for a short time. A save or delete of the
 * aggregates they come from, through their repositories in this process, clears them once it commits; other
 * processes see the change when their entries expire.
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
        return cache.get(key, load);
    }

    @TransactionalEventListener(fallbackExecution = true)
    public void written(AbstractRelationalEvent<?> event) {
        if ((event instanceof AfterSaveEvent<?> || event instanceof AfterDeleteEvent<?>)
                && sources.contains(event.getType())) {
            cache.clear();
        }
    }
}
