-- Quota periods run monthly from each account's billing anchor day (UTC); a period is named by its first
-- day, like 2026-11-15.
ALTER TABLE account ADD COLUMN billing_anchor DATE;
UPDATE account SET billing_anchor = CAST(created_at AS DATE);
ALTER TABLE account ALTER COLUMN billing_anchor SET NOT NULL;
ALTER TABLE quota_usage ALTER COLUMN period SET DATA TYPE VARCHAR(10);
ALTER TABLE quota_ledger ALTER COLUMN period SET DATA TYPE VARCHAR(10);
CREATE INDEX quota_ledger_period ON quota_ledger (account_id, period);

-- Admin notices at 80% and 100% of the quota, once per period each. The row is claimed before sending
-- (a claim older than its lease may be taken over) and marked when the email went out or was logged.
CREATE TABLE quota_notice (
    account_id BIGINT                   NOT NULL REFERENCES account (id) ON DELETE CASCADE,
    period     VARCHAR(10)              NOT NULL,
    threshold  INT                      NOT NULL,
    status     VARCHAR(10)              NOT NULL,
    claimed_at TIMESTAMP WITH TIME ZONE,
    done_at    TIMESTAMP WITH TIME ZONE,
    detail     VARCHAR                  NOT NULL DEFAULT '',
    PRIMARY KEY (account_id, period, threshold)
);

-- "The assistant is unavailable" goes to members at most once per channel per day.
CREATE TABLE unavailable_notice (
    discord_guild_id VARCHAR(32)              NOT NULL,
    channel_id       VARCHAR(32)              NOT NULL,
    notice_day       DATE                     NOT NULL,
    message_key      VARCHAR(200)             NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (discord_guild_id, channel_id, notice_day)
);
