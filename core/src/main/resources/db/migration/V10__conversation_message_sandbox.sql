-- Turns of messages sent through the sandbox API: an agent who takes such a conversation over replies in the
-- sandbox too, never through the guild's real bot.
ALTER TABLE conversation_message ADD COLUMN sandbox BOOLEAN NOT NULL DEFAULT FALSE;
