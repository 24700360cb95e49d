-- Deployments: what the operator asked for (workload, resources, count, placement, update policy, algorithm) and, per
-- replica slot, the task that holds it now. Lists are encoded as in JdbcDeploymentStore.
CREATE TABLE fog_deployment (
    name VARCHAR(63) NOT NULL PRIMARY KEY,
    owner_name VARCHAR(256),
    image VARCHAR(256),
    command ${text},
    env ${text},
    ports VARCHAR(128),
    cpu_cores INTEGER NOT NULL,
    memory_mb BIGINT NOT NULL,
    storage_mb BIGINT NOT NULL,
    gpu BOOLEAN NOT NULL,
    min_reputation DOUBLE PRECISION NOT NULL,
    replicas INTEGER NOT NULL,
    regions ${text},
    labels ${text},
    spread_regions BOOLEAN NOT NULL,
    max_unavailable INTEGER NOT NULL,
    algorithm VARCHAR(64),
    generation BIGINT NOT NULL,
    created_at BIGINT NOT NULL,
    updated_at BIGINT NOT NULL,
    next_task BIGINT NOT NULL
);
CREATE TABLE fog_deployment_slot (
    deployment VARCHAR(63) NOT NULL,
    slot INTEGER NOT NULL,
    task_id VARCHAR(128) NOT NULL,
    generation BIGINT NOT NULL,
    restarts INTEGER NOT NULL,
    PRIMARY KEY (deployment, slot)
);
