-- Which instance holds an in-flight Idempotency-Key, and when each instance last said it was alive, so that the
-- keys of an instance that died mid-request are freed within seconds instead of after the in-flight timeout.
CREATE TABLE idempotency_owners (
    instance_id uuid        PRIMARY KEY,
    seen_at     timestamptz NOT NULL
);

-- Null for keys claimed before this migration (and by older instances during a rolling upgrade): those wait for
-- the in-flight timeout as before.
ALTER TABLE idempotency_keys ADD COLUMN owner uuid;
