-- Transactional outbox (io.dealflow.platform.outbox). A service inserts its events here in the same transaction as
-- its state change; the relay publishes the unpublished rows in id order and stamps published_at once the broker
-- acknowledged them. Published rows are deleted after a retention period.
CREATE TABLE outbox_events (
    id             bigserial   PRIMARY KEY,
    topic          text        NOT NULL,
    message_key    text,
    event_id       text        NOT NULL UNIQUE,
    event_type     text        NOT NULL,
    source         text        NOT NULL,
    subject        text,
    occurred_at    timestamptz NOT NULL,
    payload        bytea       NOT NULL,
    correlation_id text,
    causation_id   text,
    created_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    published_at   timestamptz
);

-- The relay's next batch and the backlog metrics read only unpublished rows, which are few next to the published
-- ones kept for the retention period.
CREATE INDEX outbox_events_unpublished ON outbox_events (id) WHERE published_at IS NULL;
