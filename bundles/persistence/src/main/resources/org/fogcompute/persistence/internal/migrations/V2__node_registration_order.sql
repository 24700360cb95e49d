-- Registration order survives restarts (round-robin rotates in it). Existing rows keep their registration time
-- as their place, which sorts them in the order they registered.
ALTER TABLE fog_node ADD COLUMN registration_seq BIGINT;
UPDATE fog_node SET registration_seq = registered_at;
