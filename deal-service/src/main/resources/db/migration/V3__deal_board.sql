-- Current state of every deal, for the board and single-deal queries. `version` is the sequence of the last event
-- applied, so a replayed event (at-least-once delivery from the event store) is recognised and skipped.
CREATE TABLE deals (
    deal_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    pipeline_id      VARCHAR(64)  NOT NULL,
    pipeline_version INTEGER      NOT NULL,
    title            TEXT         NOT NULL,
    manager_id       VARCHAR(100) NOT NULL,
    stage_id         VARCHAR(64)  NOT NULL,
    status           VARCHAR(8)   NOT NULL,
    fields           JSONB        NOT NULL,
    tags             JSONB        NOT NULL,
    attachments      JSONB        NOT NULL,
    version          BIGINT       NOT NULL,
    opened_at        TIMESTAMPTZ  NOT NULL,
    stage_entered_at TIMESTAMPTZ  NOT NULL,
    closed_at        TIMESTAMPTZ,
    loss_reason      JSONB,
    origin_deal_id   VARCHAR(64),
    external_ref     VARCHAR(200)
);

CREATE INDEX deals_board ON deals (pipeline_id, status, stage_id, opened_at);
CREATE INDEX deals_by_manager ON deals (manager_id, status, opened_at);
