-- The message relay: messages waiting for their recipients (payload opaque, encrypted by the sender), and delivered or
-- expired ones without payload as their senders' receipts until purged; groups with their members in order.
CREATE TABLE fog_bitchat_message (
    id VARCHAR(64) NOT NULL PRIMARY KEY,
    sender VARCHAR(256) NOT NULL,
    recipient VARCHAR(256) NOT NULL,
    group_id VARCHAR(256),
    payload ${text},
    sent_at BIGINT NOT NULL,
    expires_at BIGINT NOT NULL,
    relay_node VARCHAR(256),
    status VARCHAR(16) NOT NULL,
    settled_at BIGINT
);
CREATE INDEX fog_bitchat_message_status ON fog_bitchat_message (status, expires_at);
CREATE TABLE fog_bitchat_group (
    id VARCHAR(256) NOT NULL PRIMARY KEY,
    owner_id VARCHAR(256) NOT NULL
);
CREATE TABLE fog_bitchat_member (
    group_id VARCHAR(256) NOT NULL,
    position INTEGER NOT NULL,
    node_id VARCHAR(256) NOT NULL,
    PRIMARY KEY (group_id, position)
);
