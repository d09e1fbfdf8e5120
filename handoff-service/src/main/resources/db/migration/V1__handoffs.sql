-- Won deals are copied with everything they had: the deal's state as its events built it.
CREATE TABLE deal_snapshots (
    deal_id      VARCHAR(64)  NOT NULL PRIMARY KEY,
    pipeline_id  VARCHAR(64)  NOT NULL,
    title        TEXT         NOT NULL,
    manager_id   VARCHAR(100) NOT NULL,
    fields       JSONB        NOT NULL,
    tags         JSONB        NOT NULL,
    attachments  JSONB        NOT NULL,
    external_ref VARCHAR(200)
);

-- One handoff per won deal. `request` is what will be posted to deal-service, fixed when the deal was won, so a
-- retry days later sends exactly the same deal (and the idempotency key makes it the same deal).
CREATE TABLE handoffs (
    source_deal_id     VARCHAR(64)  NOT NULL PRIMARY KEY,
    from_pipeline_id   VARCHAR(64)  NOT NULL,
    to_pipeline_id     VARCHAR(64)  NOT NULL,
    receiver_id        VARCHAR(100) NOT NULL,
    request            JSONB        NOT NULL,
    status             VARCHAR(8)   NOT NULL,
    target_deal_id     VARCHAR(64),
    attempts           INTEGER      NOT NULL DEFAULT 0,
    manual_retries     INTEGER      NOT NULL DEFAULT 0,
    problem            JSONB,
    next_attempt_at    TIMESTAMPTZ,
    won_at             TIMESTAMPTZ  NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    completed_at       TIMESTAMPTZ
);
CREATE INDEX handoffs_due ON handoffs (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
CREATE INDEX handoffs_by_status ON handoffs (status, created_at);

-- Round-robin position per route, shared by every instance.
CREATE TABLE receiver_cursors (
    route      VARCHAR(140) NOT NULL PRIMARY KEY,
    next_index BIGINT       NOT NULL
);
