package dev.steward.workers.quota;

import dev.steward.core.account.Account;
import dev.steward.core.quota.QuotaNotices;
import dev.steward.core.quota.QuotaPeriods;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Sends the admin notices when usage crosses 80% and 100% (configurable), once per period each. */
@Component
class QuotaThresholds {
    private static final Logger log = LoggerFactory.getLogger(QuotaThresholds.class);
    /** A sender that claimed a notice and died is replaced after this long. */
    static final Duration CLAIM_LEASE = Duration.ofMinutes(5);

    private final QuotaNotices notices;
    private final QuotaNoticeSender sender;
    private final Clock clock;
    private final List<Integer> percentages;

    QuotaThresholds(QuotaNotices notices, QuotaNoticeSender sender, Clock clock,
                    @Value("${steward.quota.notice-thresholds}") List<Integer> percentages) {
        this.notices = notices;
        this.sender = sender;
        this.clock = clock;
        this.percentages = percentages;
    }

    void notifyCrossed(Account account, QuotaPeriods.Period period, long used, long limit) {
        if (limit <= 0) {
            return;
        }
        for (int percent : percentages) {
            if (used * 100 >= (long) percent * limit
                    && notices.claim(account.id(), period.key(), percent, clock.instant(), CLAIM_LEASE)) {
                deliver(account, period, percent, used, limit);
            }
        }
    }

    /** A failed email is left claimed: the lease expires and a later charge sends it; the charge goes on. */
    private void deliver(Account account, QuotaPeriods.Period period, int percent, long used, long limit) {
        try {
            QuotaNotices.Outcome outcome = sender.send(account, period, percent, used, limit);
            notices.complete(account.id(), period.key(), percent, outcome, outcome == QuotaNotices.Outcome.SENT
                    ? "emailed " + account.notificationAddresses() : "logged", clock.instant());
        } catch (RuntimeException e) {
            log.warn("Quota notice {}% for account {} not sent yet: {}", percent, account.id(), e.toString());
        }
    }
}
