-- The least reputation (0..1) a node must have to run a task; 0 for tasks that ask none (every task before this).
ALTER TABLE fog_task ADD COLUMN min_reputation DOUBLE PRECISION DEFAULT 0 NOT NULL;
