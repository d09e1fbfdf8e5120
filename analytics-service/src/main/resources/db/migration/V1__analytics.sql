-- Projections carry a generation: queries read the active one while a rebuild fills the next, and the switch is
-- one row update. Consumer positions are per generation too (consumer name analytics-<stream>-g<generation>).
CREATE TABLE projection_state (
    singleton         boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    active_generation integer NOT NULL
);
INSERT INTO projection_state (active_generation) VALUES (1);

-- One row per deal: what the projector needs to know about the deal to apply its next event.
CREATE TABLE deals (
    generation         integer     NOT NULL,
    deal_id            text        NOT NULL,
    pipeline_id        text        NOT NULL,
    manager_id         text        NOT NULL,
    origin_deal_id     text,
    opened_at          timestamptz NOT NULL,
    status             text        NOT NULL CHECK (status IN ('OPEN', 'WON', 'LOST')),
    closed_at          timestamptz,
    visit_count        integer     NOT NULL,
    -- the deal's last stage change, to recognise a catch-up run when the next one arrives (R9)
    last_change_at        timestamptz,
    last_change_direction text,
    last_change_sequence  bigint,
    PRIMARY KEY (generation, deal_id)
);
CREATE INDEX deals_by_pipeline ON deals (generation, pipeline_id, status);
CREATE INDEX deals_by_origin ON deals (generation, origin_deal_id) WHERE origin_deal_id IS NOT NULL;

-- A visit: a deal's stay in a stage (DESIGN §4). Skipped stages get none. pipeline_version is the version the
-- deal entered the stage under, so old history is reported under the stage it happened in (R10).
CREATE TABLE visits (
    generation       integer     NOT NULL,
    deal_id          text        NOT NULL,
    visit_no         integer     NOT NULL,
    pipeline_id      text        NOT NULL,
    pipeline_version integer     NOT NULL,
    stage_id         text        NOT NULL,
    entered_at       timestamptz NOT NULL,
    exited_at        timestamptz,
    exit_kind        text CHECK (exit_kind IN ('FORWARD', 'BACKWARD', 'WON', 'LOST')),
    -- the deal's manager when the visit ended, or its current manager while it is open
    manager_id       text        NOT NULL,
    catch_up         boolean     NOT NULL DEFAULT false,
    loss_reason      text,
    PRIMARY KEY (generation, deal_id, visit_no)
);
CREATE INDEX visits_by_exit ON visits (generation, pipeline_id, exited_at);
CREATE INDEX visits_by_entry ON visits (generation, pipeline_id, entered_at);
CREATE INDEX visits_open ON visits (generation, pipeline_id) WHERE exited_at IS NULL;

-- Every stage change, for the data-quality figures (skips, backward moves, catch-up moves per manager).
CREATE TABLE stage_changes (
    generation       integer     NOT NULL,
    deal_id          text        NOT NULL,
    sequence         bigint      NOT NULL,
    pipeline_id      text        NOT NULL,
    pipeline_version integer     NOT NULL,
    from_stage_id    text        NOT NULL,
    to_stage_id      text        NOT NULL,
    direction        text        NOT NULL CHECK (direction IN ('FORWARD', 'BACKWARD')),
    skipped_count    integer     NOT NULL,
    manager_id       text        NOT NULL,
    occurred_at      timestamptz NOT NULL,
    catch_up         boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (generation, deal_id, sequence)
);
CREATE INDEX stage_changes_by_pipeline ON stage_changes (generation, pipeline_id, occurred_at);

-- Follow-up tasks as task-service reports them, for "deals without an open task".
CREATE TABLE tasks (
    generation  integer     NOT NULL,
    task_id     text        NOT NULL,
    deal_id     text        NOT NULL,
    pipeline_id text        NOT NULL,
    assignee_id text        NOT NULL,
    status      text        NOT NULL CHECK (status IN ('OPEN', 'DONE', 'CANCELLED')),
    due_at      timestamptz NOT NULL,
    PRIMARY KEY (generation, task_id)
);
CREATE INDEX tasks_open_by_deal ON tasks (generation, deal_id) WHERE status = 'OPEN';

-- Countable task facts (overdue, rescheduled) with their time and assignee.
CREATE TABLE task_facts (
    generation  integer     NOT NULL,
    deal_id     text        NOT NULL,
    sequence    bigint      NOT NULL,
    task_id     text        NOT NULL,
    pipeline_id text        NOT NULL,
    assignee_id text        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('OVERDUE', 'RESCHEDULED')),
    occurred_at timestamptz NOT NULL,
    PRIMARY KEY (generation, deal_id, sequence)
);
CREATE INDEX task_facts_by_pipeline ON task_facts (generation, pipeline_id, occurred_at);
