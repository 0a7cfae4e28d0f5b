package dev.steward.core.quota;

/** Features that only some plans have. */
public enum PlanFeature {
    /** Answers and moderation in Discord guilds. */
    DISCORD,
    /** Live monitoring and human takeover. */
    TAKEOVER
}
