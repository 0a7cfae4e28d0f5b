package dev.steward.api.usage;

import dev.steward.api.auth.Caller;
import dev.steward.core.account.Account;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.quota.PlanCatalog;
import dev.steward.core.quota.QuotaPeriods;
import dev.steward.core.quota.UsageQueries;
import dev.steward.core.quota.UsageReport;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** The account's message usage: the current period by default, or the period containing a given day. */
@RestController
class UsageController {
    private final AccountRepository accounts;
    private final UsageQueries usage;
    private final PlanCatalog plans;
    private final Clock clock;

    UsageController(AccountRepository accounts, UsageQueries usage, PlanCatalog plans, Clock clock) {
        this.accounts = accounts;
        this.usage = usage;
        this.plans = plans;
        this.clock = clock;
    }

    @GetMapping("/api/usage")
    UsageReport usage(Caller caller,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate period) {
        Account account = accounts.findById(caller.account()).orElseThrow();
        LocalDate day = period != null ? period : clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        QuotaPeriods.Period p = QuotaPeriods.periodOf(day.atStartOfDay(ZoneOffset.UTC).toInstant(), account.billingAnchor());
        return usage.report(account.id(), p, plans.limitOf(account.plan()));
    }

    @GetMapping("/api/usage/periods")
    List<String> periods(Caller caller) {
        return usage.periods(caller.account());
    }
}
