package dev.steward.workers.retention;

import dev.steward.core.retention.RetentionStore;
import dev.steward.workflows.retention.PurgeOutcome;
import dev.steward.workflows.retention.RetentionActivities;
import io.temporal.activity.Activity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
class RetentionActivitiesImpl implements RetentionActivities {
    private static final Logger log = LoggerFactory.getLogger(RetentionActivitiesImpl.class);
    private final RetentionStore store;

    RetentionActivitiesImpl(RetentionStore store) {
        this.store = store;
    }

    @Override
    public PurgeOutcome purgeExpired(long nowMillis) {
        PurgeOutcome outcome = store.purgeExpired(Instant.ofEpochMilli(nowMillis),
                () -> Activity.getExecutionContext().heartbeat(null));
        log.info("Retention purge: {} accounts with a retention, {} transcript turns deleted, {} moderation originals "
                + "blanked, {} empty conversations deleted", outcome.accounts(), outcome.messages(),
                outcome.moderationContents(), outcome.conversations());
        return outcome;
    }
}
