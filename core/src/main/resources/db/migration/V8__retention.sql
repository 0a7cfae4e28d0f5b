-- Days an account keeps message contents (transcripts, moderation log originals); NULL keeps them.
ALTER TABLE account ADD COLUMN retention_days INT;
-- When a moderation log original was blanked (retention or a member's deletion request); the action stays.
ALTER TABLE moderation_log ADD COLUMN content_purged_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX moderation_log_account_created ON moderation_log (account_id, created_at);
CREATE INDEX conversation_message_created ON conversation_message (created_at);
