-- The ledger (L0): accounts with their balance, and a double-entry journal whose entries sum to zero. An entry's key
-- is its identity and makes it idempotent; balances change in the same transaction as the entry that moves them.
-- (No identity column: Derby's generator fails concurrent inserts with lock timeouts.)
CREATE TABLE fog_ledger_account (
    id VARCHAR(128) NOT NULL PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    balance BIGINT NOT NULL,
    opened_at BIGINT NOT NULL
);
CREATE TABLE fog_ledger_entry (
    entry_key VARCHAR(128) NOT NULL PRIMARY KEY,
    kind VARCHAR(16) NOT NULL,
    memo VARCHAR(256),
    at_millis BIGINT NOT NULL
);
CREATE TABLE fog_ledger_posting (
    entry_key VARCHAR(128) NOT NULL,
    account_id VARCHAR(128) NOT NULL,
    amount BIGINT NOT NULL,
    at_millis BIGINT NOT NULL,
    PRIMARY KEY (entry_key, account_id)
);
CREATE INDEX fog_ledger_posting_account ON fog_ledger_posting (account_id, at_millis);
