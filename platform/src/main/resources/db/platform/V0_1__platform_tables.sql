-- Tables of the shared platform module. Every service that uses them adds classpath:db/platform to
-- spring.flyway.locations; its own migrations start at V1, so this one runs first.

-- Idempotency-Key support (io.dealflow.platform.web.idempotency). A row without completed_at is a request still
-- in flight; status, headers and body are its stored response once it completed.
CREATE TABLE idempotency_keys (
    key          text        PRIMARY KEY,
    fingerprint  text        NOT NULL,
    status       integer,
    headers      jsonb,
    body         bytea,
    created_at   timestamptz NOT NULL DEFAULT clock_timestamp(),
    completed_at timestamptz,
    CONSTRAINT idempotency_keys_completed_with_status CHECK ((status IS NULL) = (completed_at IS NULL))
);

-- Idempotent consumers (io.dealflow.platform.consumer): the last event sequence applied per consumer and aggregate.
CREATE TABLE consumer_positions (
    consumer_name text        NOT NULL,
    aggregate_id  text        NOT NULL,
    last_sequence bigint      NOT NULL CHECK (last_sequence >= 0),
    updated_at    timestamptz NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (consumer_name, aggregate_id)
);
