-- Harvest state that must outlive a restart: a row per governed device in a session, cooling down or throttled
-- (deleted when it is none of these), and a row per finished session whose reward the ledger has not paid yet.
CREATE TABLE fog_harvest_device (
    node_id VARCHAR(255) NOT NULL PRIMARY KEY,
    session_start BIGINT,
    cooling_until BIGINT,
    throttled SMALLINT NOT NULL
);
CREATE TABLE fog_harvest_reward (
    reward_key VARCHAR(128) NOT NULL PRIMARY KEY,
    node_id VARCHAR(255) NOT NULL,
    operator_account VARCHAR(128) NOT NULL,
    micros BIGINT NOT NULL,
    memo VARCHAR(512) NOT NULL,
    at_millis BIGINT NOT NULL
);
CREATE INDEX fog_harvest_reward_age ON fog_harvest_reward (at_millis, reward_key);
