-- Task escrows whose credits are still held: a row per ESCROW entry, inserted with it and deleted in the transaction
-- that releases it (a settlement or a refund). Reconciliation after a crash reads this table, whose size is what is
-- held now, instead of every escrow entry ever posted.
CREATE TABLE fog_ledger_hold (
    entry_key VARCHAR(128) NOT NULL PRIMARY KEY,
    at_millis BIGINT NOT NULL
);
CREATE INDEX fog_ledger_hold_age ON fog_ledger_hold (at_millis, entry_key);
