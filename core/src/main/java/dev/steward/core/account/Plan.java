package dev.steward.core.account;

/** Subscription plans; their monthly limits live in configuration ({@code steward.plans.limits}). */
public enum Plan {
    FREE, STARTER, STANDARD, PRO
}
