package dev.steward.api.account;

import dev.steward.core.account.Account;
import dev.steward.core.account.AccountRepository;
import dev.steward.core.quota.PlanCatalog;
import dev.steward.core.quota.PlanFeature;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** Refuses features the account's plan lacks: 403 with a problem body naming the plan that has them. */
@Component
public class PlanGuard {
    private final AccountRepository accounts;
    private final PlanCatalog plans;

    PlanGuard(AccountRepository accounts, PlanCatalog plans) {
        this.accounts = accounts;
        this.plans = plans;
    }

    public void require(long accountId, PlanFeature feature) {
        Account account = accounts.findById(accountId).orElseThrow();
        if (plans.allows(account.plan(), feature)) {
            return;
        }
        String needed = plans.cheapestWith(feature).map(Enum::name).orElse("none");
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "The " + account.plan() + " plan does not include " + feature + "; the " + needed + " plan does");
        problem.setTitle("Plan lacks this feature");
        problem.setProperty("feature", feature.name());
        problem.setProperty("plan", account.plan().name());
        problem.setProperty("requiredPlan", needed);
        throw new ErrorResponseException(HttpStatus.FORBIDDEN, problem, null);
    }
}
