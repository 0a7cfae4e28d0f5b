package dev.steward.workflows.quota;

import io.temporal.workflow.Workflow;

/**
 * One unit against an account's monthly quota.
 *
 * @param messageKey idempotency key taken from the workflow (its id), so a retry finds its own row
 * @param atMillis   when the workflow run started, so a retry that crosses midnight of a month's last day
 *                   still charges the same period
 */
public record ChargeRequest(long accountId, String guildId, String messageKey, ChargeKind kind, long atMillis) {

    /**
     * A charge made by a message workflow, which starts when its message arrives. Not
     * {@code Workflow.currentTimeMillis()}: a charge made in a local activity whose workflow task was lost runs
     * again in a later task, whose time may fall in the next period, and the ledger's unique key includes the
     * period. Not for cron runs, which are created long before their slot.
     */
    public static ChargeRequest inThisRun(long accountId, String guildId, String messageKey, ChargeKind kind) {
        return new ChargeRequest(accountId, guildId, messageKey, kind, Workflow.getInfo().getRunStartedTimestampMillis());
    }
}
