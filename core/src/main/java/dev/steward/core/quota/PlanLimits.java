package dev.steward.core.quota;

import dev.steward.core.account.Plan;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** Monthly message limits per plan, from configuration ({@code steward.plans.limits.STARTER=2500}). */
@ConfigurationProperties("steward.plans")
public record PlanLimits(Map<Plan, Long> limits) {

    public long limitOf(Plan plan) {
        Long limit = limits.get(plan);
        if (limit == null) {
            throw new IllegalStateException("No steward.plans.limits." + plan + " configured");
        }
        return limit;
    }
}
