package dev.steward.workers.quota;

import dev.steward.core.account.Account;
import dev.steward.core.account.CachedAccounts;
import dev.steward.core.quota.PlanCatalog;
import dev.steward.core.quota.QuotaLedger;
import dev.steward.core.quota.QuotaPeriods;
import dev.steward.core.quota.UnavailableNotices;
import dev.steward.core.ratelimit.MemberRateLimiter;
import dev.steward.workflows.quota.ChargeRequest;
import dev.steward.workflows.quota.ChargeResult;
import dev.steward.workflows.quota.QuotaActivities;
import dev.steward.workflows.quota.RateRequest;
import dev.steward.workflows.quota.UnavailableNoticeRequest;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.time.Instant;

@Component
class QuotaActivitiesImpl implements QuotaActivities {
    private static final Logger log = LoggerFactory.getLogger(QuotaActivitiesImpl.class);
    private final QuotaLedger ledger;
    private final CachedAccounts accounts;
    private final PlanCatalog plans;
    private final QuotaThresholds thresholds;
    private final UnavailableNotices unavailable;
    private final MemberRateLimiter rateLimiter;

    QuotaActivitiesImpl(QuotaLedger ledger, CachedAccounts accounts, PlanCatalog plans, QuotaThresholds thresholds,
                        UnavailableNotices unavailable, MemberRateLimiter rateLimiter) {
        this.rateLimiter = rateLimiter;
        this.ledger = ledger;
        this.accounts = accounts;
        this.plans = plans;
        this.thresholds = thresholds;
        this.unavailable = unavailable;
    }

    /**
     * Charges once per key. Every call, whatever its result, then checks the notice thresholds, so a notice
     * missed by a crash after the charge is sent by the retry or the next charge.
     */
    @Override
    public ChargeResult charge(ChargeRequest request) {
        Account account = account(request.accountId());
        ChargeResult result = ledger.charge(request, plans.limitOf(account.plan()), account.billingAnchor());
        if (result.refused()) {
            log.info("Quota spent for account {} ({} of {}); {} not charged", account.id(), result.used(),
                    result.limit(), request.messageKey());
        }
        thresholds.notifyCrossed(account, QuotaPeriods.periodOf(Instant.ofEpochMilli(request.atMillis()),
                account.billingAnchor()), result.used(), result.limit());
        return result;
    }

    @Override
    public void refund(ChargeRequest request) {
        ledger.refund(request, account(request.accountId()).billingAnchor());
    }

    @Override
    public boolean claimUnavailableNotice(UnavailableNoticeRequest request) {
        return unavailable.claim(request.guildId(), request.channelId(), request.messageKey(),
                Instant.ofEpochMilli(request.atMillis()));
    }

    @Override
    public boolean allowMember(RateRequest request) {
        boolean allowed = rateLimiter.allow(request.guildId(), request.userId(), request.messageKey(),
                Instant.ofEpochMilli(request.atMillis()));
        if (!allowed) {
            log.info("Member {} of guild {} asks too often; {} not answered", request.userId(), request.guildId(),
                    request.messageKey());
        }
        return allowed;
    }

    private Account account(long id) {
        return accounts.byId(id).orElseThrow(() ->
                ApplicationFailure.newNonRetryableFailure("No account " + id, "UnknownAccount"));
    }
}
