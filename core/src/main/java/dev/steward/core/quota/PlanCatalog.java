package dev.steward.core.quota;

import dev.steward.core.account.Plan;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each plan gives, from configuration: monthly message limits ({@code steward.plans.limits.STARTER=2500})
 * and features ({@code steward.plans.features.TAKEOVER=STANDARD,PRO}).
 */
@ConfigurationProperties("steward.plans")
public record PlanCatalog(Map<Plan, Long> limits, Map<PlanFeature, Set<Plan>> features) {

    public long limitOf(Plan plan) {
        Long limit = limits.get(plan);
        if (limit == null) {
            throw new IllegalStateException("No steward.plans.limits." + plan + " configured");
        }
        return limit;
    }

    public boolean allows(Plan plan, PlanFeature feature) {
        return features.getOrDefault(feature, Set.of()).contains(plan);
    }

    /** The smallest plan that has a feature, to name it when refusing. */
    public Optional<Plan> cheapestWith(PlanFeature feature) {
        return Arrays.stream(Plan.values()).filter(p -> allows(p, feature)).findFirst();
    }
}
