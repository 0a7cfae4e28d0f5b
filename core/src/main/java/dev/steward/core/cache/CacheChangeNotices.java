package dev.steward.core.cache;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.relational.core.mapping.event.AfterDeleteEvent;
import org.springframework.data.relational.core.mapping.event.AfterSaveEvent;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Tells the other processes (a separate api, more workers) that a cached row changed, with a PostgreSQL
 * {@code NOTIFY} sent inside the writing transaction: PostgreSQL delivers it when that commits, and drops it
 * on rollback. {@link CacheChangeListener} hears it. Writes in raw SQL send nothing; entries then expire.
 */
@Component
class CacheChangeNotices {
    static final String CHANNEL = "steward_cache";

    private final JdbcClient jdbc;
    private final List<CachedRows<?, ?>> caches;
    private final boolean postgres;

    CacheChangeNotices(JdbcClient jdbc, List<CachedRows<?, ?>> caches,
                       @Value("${spring.datasource.url:}") String datasourceUrl) {
        this.jdbc = jdbc;
        this.caches = caches;
        this.postgres = isPostgres(datasourceUrl);
    }

    static boolean isPostgres(String datasourceUrl) {
        return datasourceUrl.startsWith("jdbc:postgresql:");
    }

    @EventListener
    public void saved(AfterSaveEvent<?> event) {
        announce(event.getType());
    }

    @EventListener
    public void deleted(AfterDeleteEvent<?> event) {
        announce(event.getType());
    }

    private void announce(Class<?> type) {
        if (postgres && caches.stream().anyMatch(cache -> cache.watches(type))) {
            jdbc.sql("SELECT pg_notify(?, ?)").params(CHANNEL, type.getName()).query().listOfRows();
        }
    }
}
