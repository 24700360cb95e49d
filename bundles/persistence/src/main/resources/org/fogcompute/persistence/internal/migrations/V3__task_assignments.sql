-- Placement history: every assignment of a task to a node, so that it survives restarts. The id is
-- "<task id>#<attempt>"; rows go with their task when finished tasks are pruned.
CREATE TABLE fog_task_assignment (
    id VARCHAR(160) NOT NULL PRIMARY KEY,
    task_id VARCHAR(128) NOT NULL,
    node_id VARCHAR(128) NOT NULL,
    strategy VARCHAR(128),
    attempt INTEGER NOT NULL,
    assigned_at BIGINT NOT NULL
);
CREATE INDEX fog_task_assignment_task ON fog_task_assignment (task_id);
