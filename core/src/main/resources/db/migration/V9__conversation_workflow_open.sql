-- A conversation has a workflow only from an agent's first action until that workflow ends idle; while none
-- runs, turns go straight to these tables. Conversations whose workflow runs now keep being routed to it.
ALTER TABLE conversation ADD COLUMN workflow_open BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE conversation SET workflow_open = TRUE WHERE closed_at IS NULL;
