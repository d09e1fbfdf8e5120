-- Pipeline versions as published on dealflow.pipeline-events.v1: task templates, department, staleAfter.
CREATE TABLE pipeline_versions (
    pipeline_id VARCHAR(64) NOT NULL,
    version     INTEGER     NOT NULL,
    definition  JSONB       NOT NULL,
    PRIMARY KEY (pipeline_id, version)
);

-- Deals as task-service sees them: enough to know who follows up, on which stage, and whether it is still open.
CREATE TABLE tracked_deals (
    deal_id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    pipeline_id      VARCHAR(64)  NOT NULL,
    pipeline_version INTEGER      NOT NULL,
    title            TEXT         NOT NULL,
    stage_id         VARCHAR(64)  NOT NULL,
    manager_id       VARCHAR(100) NOT NULL,
    open             BOOLEAN      NOT NULL,
    updated_at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX tracked_deals_open ON tracked_deals (deal_id) WHERE open;

CREATE TABLE tasks (
    task_id                  VARCHAR(64)  NOT NULL PRIMARY KEY,
    deal_id                  VARCHAR(64)  NOT NULL,
    pipeline_id              VARCHAR(64)  NOT NULL,
    stage_id                 VARCHAR(64),
    kind                     VARCHAR(8)   NOT NULL,
    title                    TEXT         NOT NULL,
    assignee_id              VARCHAR(100) NOT NULL,
    due_at                   TIMESTAMPTZ  NOT NULL,
    status                   VARCHAR(9)   NOT NULL,
    overdue_at               TIMESTAMPTZ,
    reschedule_count         INTEGER      NOT NULL DEFAULT 0,
    created_at               TIMESTAMPTZ  NOT NULL,
    closed_at                TIMESTAMPTZ,
    cancel_cause             VARCHAR(11),
    stale_close_requested_at TIMESTAMPTZ
);
CREATE INDEX tasks_open_by_deal ON tasks (deal_id) WHERE status = 'OPEN';
CREATE INDEX tasks_due_not_yet_overdue ON tasks (due_at) WHERE status = 'OPEN' AND overdue_at IS NULL;
CREATE INDEX tasks_by_assignee ON tasks (assignee_id, status, due_at);

-- Every reschedule, so they can be counted per task and per manager.
CREATE TABLE task_reschedules (
    id          BIGSERIAL    PRIMARY KEY,
    task_id     VARCHAR(64)  NOT NULL REFERENCES tasks (task_id),
    assignee_id VARCHAR(100) NOT NULL,
    pipeline_id VARCHAR(64)  NOT NULL,
    from_due_at TIMESTAMPTZ  NOT NULL,
    to_due_at   TIMESTAMPTZ  NOT NULL,
    reason      TEXT         NOT NULL,
    actor       VARCHAR(100) NOT NULL,
    at          TIMESTAMPTZ  NOT NULL
);
CREATE INDEX task_reschedules_by_assignee ON task_reschedules (assignee_id);

-- One escalation per overdue task: the head's control task and who it went to.
CREATE TABLE escalations (
    task_id         VARCHAR(64)  NOT NULL PRIMARY KEY REFERENCES tasks (task_id),
    deal_id         VARCHAR(64)  NOT NULL,
    pipeline_id     VARCHAR(64)  NOT NULL,
    department      VARCHAR(100) NOT NULL,
    head_id         VARCHAR(100) NOT NULL,
    control_task_id VARCHAR(64)  NOT NULL REFERENCES tasks (task_id),
    at              TIMESTAMPTZ  NOT NULL
);

-- The per-deal sequence of published task events: consumers skip what they have applied, like for deal events.
CREATE TABLE task_event_sequences (
    deal_id       VARCHAR(64) NOT NULL PRIMARY KEY,
    last_sequence BIGINT      NOT NULL
);
