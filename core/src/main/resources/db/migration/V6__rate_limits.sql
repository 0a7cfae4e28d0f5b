-- Per-member abuse guard for answers: one row per message that asked, so a retried check counts it once.
CREATE TABLE rate_hit (
    discord_guild_id VARCHAR(32)              NOT NULL,
    user_id          VARCHAR(32)              NOT NULL,
    message_key      VARCHAR(200)             NOT NULL,
    hit_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (message_key)
);
CREATE INDEX rate_hit_member ON rate_hit (discord_guild_id, user_id, hit_at);
