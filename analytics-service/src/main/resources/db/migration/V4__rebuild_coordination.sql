-- One rebuild at a time across every instance, and its progress visible from each: the instance that claims the row
-- runs the rebuild and keeps heartbeat_at fresh; a claim whose heartbeat is stale (the instance died) may be taken
-- over. Apart from projection_state, whose row the live consumers lock FOR SHARE in every batch.
CREATE TABLE projection_rebuild (
    singleton         boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    state             text        NOT NULL CHECK (state IN ('REPLAYING', 'SWITCHING', 'DONE', 'FAILED')),
    source_generation integer     NOT NULL,
    target_generation integer     NOT NULL,
    owner             text        NOT NULL,
    started_at        timestamptz NOT NULL,
    finished_at       timestamptz,
    heartbeat_at      timestamptz NOT NULL,
    events_replayed   bigint      NOT NULL DEFAULT 0,
    events_to_replay  bigint      NOT NULL DEFAULT 0,
    error             text
);
