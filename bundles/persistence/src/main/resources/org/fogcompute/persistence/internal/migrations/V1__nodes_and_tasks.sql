-- Nodes and tasks with the indexes of SPEC §7. ${text} is the dialect's unbounded text type.
CREATE TABLE fog_node (
    id VARCHAR(128) NOT NULL PRIMARY KEY,
    owner_id VARCHAR(128) NOT NULL,
    node_type VARCHAR(32) NOT NULL,
    declared_status VARCHAR(32) NOT NULL,
    status VARCHAR(32) NOT NULL,
    region VARCHAR(256) NOT NULL,
    latitude DOUBLE PRECISION,
    longitude DOUBLE PRECISION,
    address VARCHAR(256),
    port INTEGER NOT NULL,
    cpu_cores INTEGER NOT NULL,
    memory_mb BIGINT NOT NULL,
    storage_mb BIGINT NOT NULL,
    gpu_count INTEGER NOT NULL,
    onion_capable BOOLEAN NOT NULL,
    reputation DOUBLE PRECISION NOT NULL,
    labels ${text},
    cpu_percent DOUBLE PRECISION NOT NULL,
    memory_percent DOUBLE PRECISION NOT NULL,
    uptime_percent DOUBLE PRECISION NOT NULL,
    circuit_count INTEGER NOT NULL,
    completed_tasks BIGINT NOT NULL,
    failed_tasks BIGINT NOT NULL,
    registered_at BIGINT NOT NULL,
    last_heartbeat BIGINT NOT NULL
);
CREATE INDEX fog_node_type ON fog_node (node_type);
CREATE INDEX fog_node_region ON fog_node (region);
CREATE INDEX fog_node_status ON fog_node (status);
CREATE INDEX fog_node_last_heartbeat ON fog_node (last_heartbeat);
CREATE INDEX fog_node_status_region ON fog_node (status, region);
CREATE INDEX fog_node_type_status ON fog_node (node_type, status);
CREATE INDEX fog_node_owner ON fog_node (owner_id);

CREATE TABLE fog_task (
    id VARCHAR(128) NOT NULL PRIMARY KEY,
    owner_id VARCHAR(128) NOT NULL,
    job_id VARCHAR(128),
    node_id VARCHAR(128),
    status VARCHAR(32) NOT NULL,
    task_type VARCHAR(256) NOT NULL,
    priority INTEGER NOT NULL,
    cpu_cores INTEGER NOT NULL,
    memory_mb BIGINT NOT NULL,
    storage_mb BIGINT NOT NULL,
    gpu BOOLEAN NOT NULL,
    privacy VARCHAR(32) NOT NULL,
    require_onion BOOLEAN NOT NULL,
    preferred_region VARCHAR(256),
    preferred_latitude DOUBLE PRECISION,
    preferred_longitude DOUBLE PRECISION,
    deadline BIGINT,
    payload ${text},
    strategy VARCHAR(128),
    routed_by VARCHAR(128),
    retry_count INTEGER NOT NULL,
    message VARCHAR(4096),
    submitted_at BIGINT NOT NULL,
    assigned_at BIGINT,
    started_at BIGINT,
    finished_at BIGINT
);
CREATE INDEX fog_task_node ON fog_task (node_id);
CREATE INDEX fog_task_job ON fog_task (job_id);
CREATE INDEX fog_task_status ON fog_task (status);
CREATE INDEX fog_task_status_node ON fog_task (status, node_id);
CREATE INDEX fog_task_owner_status ON fog_task (owner_id, status);
