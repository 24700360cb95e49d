-- Onion circuits and guard sets, so that a restart keeps them: a circuit's hops in order in their own table, the node
-- a task's circuit leads to (a rebuild must avoid it), each client's guards in the order they were chosen.
CREATE TABLE fog_onion_circuit (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    client VARCHAR(256) NOT NULL,
    task_id VARCHAR(256),
    privacy VARCHAR(16) NOT NULL,
    min_reputation DOUBLE PRECISION NOT NULL,
    created_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    generation INTEGER NOT NULL,
    destination VARCHAR(256)
);
CREATE TABLE fog_onion_hop (
    circuit_id VARCHAR(64) NOT NULL,
    position INTEGER NOT NULL,
    node_id VARCHAR(256) NOT NULL,
    role VARCHAR(8) NOT NULL,
    region VARCHAR(256) NOT NULL,
    operator_account VARCHAR(256) NOT NULL,
    PRIMARY KEY (circuit_id, position)
);
CREATE TABLE fog_onion_guard (
    client VARCHAR(256) NOT NULL,
    position INTEGER NOT NULL,
    node_id VARCHAR(256) NOT NULL,
    PRIMARY KEY (client, position)
);
