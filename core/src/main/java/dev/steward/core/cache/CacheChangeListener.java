package dev.steward.core.cache;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Hears {@link CacheChangeNotices} from every process on the database, this one included, and clears the
 * caches they name. It holds one connection of its own, outside the pool. When that connection is lost it
 * reconnects with backoff and then clears everything, since notices sent meanwhile were missed; until then the
 * entries' lifetime bounds how stale they get. Off on H2 (local mode is a single process).
 */
@Component
class CacheChangeListener implements SmartLifecycle {
    static final String APPLICATION_NAME = "steward-cache-listener";
    private static final Logger log = LoggerFactory.getLogger(CacheChangeListener.class);
    private static final int POLL_MILLIS = 500;
    /** A quiet connection is checked this often: a network that drops packets silently would never say so. */
    private static final Duration CHECK_AFTER = Duration.ofSeconds(30);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    private static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private final List<CachedRows<?, ?>> caches;
    private final boolean enabled;
    private final String url;
    private final Properties connection = new Properties();
    private volatile boolean running;
    private volatile Thread thread;
    /** The last notice handled; notices arrive in commit order, so tests use one of their own as a fence. */
    volatile String lastHeard;

    CacheChangeListener(List<CachedRows<?, ?>> caches, @Value("${steward.cache.listen}") boolean listen,
                        @Value("${spring.datasource.url:}") String url,
                        @Value("${spring.datasource.username:}") String username,
                        @Value("${spring.datasource.password:}") String password) {
        this.caches = caches;
        this.enabled = listen && CacheChangeNotices.isPostgres(url);
        this.url = url;
        connection.setProperty("user", username);
        connection.setProperty("password", password);
        connection.setProperty("ApplicationName", APPLICATION_NAME);
        connection.setProperty("connectTimeout", "10");
        connection.setProperty("socketTimeout", "30");
    }

    @Override
    public synchronized void start() {
        if (!enabled || running) {
            return;
        }
        running = true;
        thread = new Thread(this::listenUntilStopped, APPLICATION_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (thread != null) {
            try {
                thread.join(2 * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Only the thread of the latest start listens: one still leaving after a stop quits at its next check. */
    private boolean current() {
        return running && Thread.currentThread() == thread;
    }

    private void listenUntilStopped() {
        Duration retry = FIRST_RETRY;
        while (current()) {
            try (Connection c = DriverManager.getConnection(url, connection)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + CacheChangeNotices.CHANNEL);
                }
                caches.forEach(CachedRows::clear); // whatever changed before LISTEN took effect was not heard
                retry = FIRST_RETRY;
                hear(c);
            } catch (SQLException | RuntimeException e) {
                if (!current()) {
                    return;
                }
                log.warn("Cannot hear cache notices from PostgreSQL ({}); trying again in {} s. Meanwhile other "
                        + "processes' changes reach this one when its cached entries expire", e.getMessage(),
                        retry.toSeconds());
                sleep(retry);
                Duration doubled = retry.multipliedBy(2);
                retry = doubled.compareTo(LAST_RETRY) > 0 ? LAST_RETRY : doubled;
            }
        }
    }

    private void hear(Connection c) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        long quietSince = System.nanoTime();
        while (current()) {
            PGNotification[] notices = pg.getNotifications(POLL_MILLIS);
            if (notices != null && notices.length > 0) {
                for (PGNotification notice : notices) {
                    caches.forEach(cache -> cache.clearIfSource(notice.getParameter()));
                    lastHeard = notice.getParameter();
                }
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince > CHECK_AFTER.toNanos()) {
                try (Statement s = c.createStatement()) {
                    s.execute("SELECT 1");
                }
                quietSince = System.nanoTime();
            }
        }
    }

    private void sleep(Duration pause) {
        long until = System.nanoTime() + pause.toNanos();
        while (current() && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(POLL_MILLIS, pause.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
