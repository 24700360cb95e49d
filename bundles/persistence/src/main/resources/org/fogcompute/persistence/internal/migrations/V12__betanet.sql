-- The mixnode directory's published consensus documents (the last two epochs), exactly as signed: the document in
-- one row, its mixnodes in order in another table.
CREATE TABLE fog_betanet_consensus (
    epoch BIGINT NOT NULL PRIMARY KEY,
    valid_after BIGINT NOT NULL,
    valid_until BIGINT NOT NULL,
    signing_key VARCHAR(64) NOT NULL,
    signature VARCHAR(128) NOT NULL
);
CREATE TABLE fog_betanet_mixnode (
    epoch BIGINT NOT NULL,
    position INTEGER NOT NULL,
    node_id VARCHAR(256) NOT NULL,
    address VARCHAR(300) NOT NULL,
    public_key VARCHAR(64) NOT NULL,
    version VARCHAR(256) NOT NULL,
    region VARCHAR(256) NOT NULL,
    stake BIGINT NOT NULL,
    reputation DOUBLE PRECISION NOT NULL,
    performance DOUBLE PRECISION NOT NULL,
    weight DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (epoch, position)
);
