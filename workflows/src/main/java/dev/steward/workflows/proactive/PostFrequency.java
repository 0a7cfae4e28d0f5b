package dev.steward.workflows.proactive;

/**
 * How often a guild gets a proactive post, as a cron schedule in UTC. "Every 2 days" follows the calendar
 * (odd days of the month), as cron does.
 */
public enum PostFrequency {
    EVERY_2_HOURS("0 */2 * * *"),
    EVERY_4_HOURS("0 */4 * * *"),
    EVERY_6_HOURS("0 */6 * * *"),
    EVERY_12_HOURS("0 */12 * * *"),
    DAILY("0 9 * * *"),
    EVERY_2_DAYS("0 9 */2 * *"),
    WEEKLY("0 9 * * 1");

    private final String cron;

    PostFrequency(String cron) {
        this.cron = cron;
    }

    public String cron() {
        return cron;
    }
}
