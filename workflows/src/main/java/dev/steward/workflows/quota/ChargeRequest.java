package dev.steward.workflows.quota;

/**
 * One unit against an account's monthly quota.
 *
 * @param messageKey idempotency key taken from the workflow (its id), so a retry finds its own row
 * @param atMillis   the workflow's own time, so a retry that crosses midnight of a month's last day
 *                   still charges the same period
 */
public record ChargeRequest(long accountId, String guildId, String messageKey, ChargeKind kind, long atMillis) {
}
