-- The peer directory's records, as the node signed them (the signature covers exactly these fields); a record's
-- endpoints in order in their own table.
CREATE TABLE fog_p2p_peer (
    node_id VARCHAR(256) NOT NULL PRIMARY KEY,
    public_key VARCHAR(64) NOT NULL,
    sequence_number BIGINT NOT NULL,
    signed_at BIGINT NOT NULL,
    signature VARCHAR(128) NOT NULL
);
CREATE TABLE fog_p2p_endpoint (
    node_id VARCHAR(256) NOT NULL,
    position INTEGER NOT NULL,
    transport VARCHAR(16) NOT NULL,
    host VARCHAR(253) NOT NULL,
    port INTEGER NOT NULL,
    PRIMARY KEY (node_id, position)
);
