-- Reputation per node (L0): its points and the counts behind them, and the outcomes recorded, each once by its key.
CREATE TABLE fog_reputation (
    node_id VARCHAR(128) NOT NULL PRIMARY KEY,
    points DOUBLE PRECISION NOT NULL,
    successes BIGINT NOT NULL,
    failures BIGINT NOT NULL,
    lost BIGINT NOT NULL,
    updated_at BIGINT NOT NULL
);
CREATE TABLE fog_reputation_event (
    event_key VARCHAR(160) NOT NULL PRIMARY KEY,
    node_id VARCHAR(128) NOT NULL,
    at_millis BIGINT NOT NULL
);
