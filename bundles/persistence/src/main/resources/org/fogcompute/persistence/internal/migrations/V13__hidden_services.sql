-- The hidden-service registry: each service with the key its address is derived from, its introduction points in
-- order in their own table.
CREATE TABLE fog_vpn_hidden_service (
    id VARCHAR(256) NOT NULL PRIMARY KEY,
    owner_name VARCHAR(256) NOT NULL,
    public_key VARCHAR(64) NOT NULL UNIQUE,
    onion_address VARCHAR(80) NOT NULL,
    registered_at BIGINT NOT NULL,
    generation INTEGER NOT NULL
);
CREATE TABLE fog_vpn_intro_point (
    service_id VARCHAR(256) NOT NULL,
    position INTEGER NOT NULL,
    node_id VARCHAR(256) NOT NULL,
    role VARCHAR(8) NOT NULL,
    region VARCHAR(256) NOT NULL,
    operator_account VARCHAR(256) NOT NULL,
    PRIMARY KEY (service_id, position)
);
