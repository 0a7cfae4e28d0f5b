package dev.steward.core.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/** Records who did what to an account's settings and conversations. */
@Component
public class AuditLog {
    private final AuditEventRepository events;
    private final JdbcClient jdbc;
    private final Clock clock;

    AuditLog(AuditEventRepository events, JdbcClient jdbc, Clock clock) {
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(long accountId, String actor, String action, String target, String detail) {
        events.save(new AuditEvent(null, accountId, actor, action, target, detail, clock.instant()));
    }

    /**
     * Records an event that a retried activity may report again; the key makes the second report a no-op.
     *
     * @return false when the event had been recorded already
     */
    public boolean recordOnce(String eventKey, long accountId, String actor, String action, String target,
                              String detail, Instant at) {
        return jdbc.sql("""
                        INSERT INTO audit_event (account_id, actor, action, target, detail, created_at, event_key)
                        VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""")
                .params(accountId, actor, action, target, detail, Timestamp.from(at), eventKey)
                .update() == 1;
    }
}
