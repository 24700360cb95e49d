-- Scheduling: what a task asks of the queue (a resource it prefers, the most it may cost per hour, the scheduling
-- strategy it names) and what a node charges. Absent values keep their meaning: no preference, no limit, the
-- default strategy, the configured default price.
ALTER TABLE fog_task ADD COLUMN preferred_resource VARCHAR(16);
ALTER TABLE fog_task ADD COLUMN price_limit DOUBLE PRECISION;
ALTER TABLE fog_task ADD COLUMN scheduling_strategy VARCHAR(128);
ALTER TABLE fog_node ADD COLUMN price_core_hour DOUBLE PRECISION;
ALTER TABLE fog_node ADD COLUMN price_gpu_hour DOUBLE PRECISION;
