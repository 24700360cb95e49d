-- Placement history: every assignment of a task to a node, kept in the task's own row so that it costs no extra row
-- per placement. A task is placed at most max.retries + 1 times; the newest placements that fit are kept.
ALTER TABLE fog_task ADD COLUMN assignments VARCHAR(4096);
