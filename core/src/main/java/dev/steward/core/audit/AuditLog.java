package dev.steward.core.audit;

import org.springframework.stereotype.Component;

import java.time.Clock;

/** Records who did what to an account's settings and conversations. */
@Component
public class AuditLog {
    private final AuditEventRepository events;
    private final Clock clock;

    AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    public void record(long accountId, String actor, String action, String target, String detail) {
        events.save(new AuditEvent(null, accountId, actor, action, target, detail, clock.instant()));
    }
}
