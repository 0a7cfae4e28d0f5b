package dev.steward.workers.retention;

import dev.steward.core.retention.RetentionSchedule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Starts the hourly purge with the workers (the embedded Temporal server forgets it on restart). */
@Component
class RetentionScheduler {
    private static final Logger log = LoggerFactory.getLogger(RetentionScheduler.class);
    private final RetentionSchedule schedule;

    RetentionScheduler(RetentionSchedule schedule) {
        this.schedule = schedule;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        try {
            if (schedule.ensureRunning()) {
                log.info("Retention purge scheduled (hourly)");
            }
        } catch (RuntimeException e) {
            log.warn("Could not schedule the retention purge; the next start retries: {}", e.toString());
        }
    }
}
