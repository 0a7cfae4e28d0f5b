package dev.steward.workers.quota;

import dev.steward.core.account.Account;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.quota.PlanLimits;
import dev.steward.core.quota.QuotaLedger;
import dev.steward.workflows.quota.ChargeRequest;
import dev.steward.workflows.quota.ChargeResult;
import dev.steward.workflows.quota.QuotaActivities;
import io.temporal.failure.ApplicationFailure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

@Component
class QuotaActivitiesImpl implements QuotaActivities {
    private static final Logger log = LoggerFactory.getLogger(QuotaActivitiesImpl.class);
    private final QuotaLedger ledger;
    private final AccountRepository accounts;
    private final PlanLimits limits;

    QuotaActivitiesImpl(QuotaLedger ledger, AccountRepository accounts, PlanLimits limits) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.limits = limits;
    }

    @Override
    public ChargeResult charge(ChargeRequest request) {
        Account account = accounts.findById(request.accountId()).orElseThrow(() ->
                ApplicationFailure.newNonRetryableFailure("No account " + request.accountId(), "UnknownAccount"));
        ChargeResult result = ledger.charge(request, limits.limitOf(account.plan()));
        if (result.refused()) {
            log.info("Quota spent for account {} ({} of {}); {} not charged", account.id(), result.used(),
                    result.limit(), request.messageKey());
        }
        return result;
    }

    @Override
    public void refund(ChargeRequest request) {
        ledger.refund(request);
    }
}
