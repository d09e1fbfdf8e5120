-- The data-quality report reads per-day sums of the stage changes and task facts it counts, like the additive
-- reports (V3): the whole days of a period from here, its partial first and last days from stage_changes and
-- task_facts. The projectors insert one delta row per key and batch; DayCounts folds them into one row per key.

-- No key: rows are deltas until folded (see DayCounts). Days are UTC dates of the rows' occurred_at; the manager is
-- the stage change's manager_id or the task fact's assignee_id. Every column only ever grows.
CREATE TABLE quality_day_counts (
    generation     integer NOT NULL,
    pipeline_id    text    NOT NULL,
    manager_id     text    NOT NULL,
    day            date    NOT NULL,
    changes        bigint  NOT NULL, -- every stage change, so that a manager with only clean ones is still listed
    skips          bigint  NOT NULL, -- stage changes that skipped a stage
    backward_moves bigint  NOT NULL, -- stage changes BACKWARD
    catch_up_moves bigint  NOT NULL, -- stage changes marked catch_up (counted when the mark flips)
    overdue_tasks  bigint  NOT NULL, -- task facts OVERDUE
    reschedules    bigint  NOT NULL  -- task facts RESCHEDULED
);
CREATE INDEX quality_day_counts_by_day ON quality_day_counts (generation, pipeline_id, day);

INSERT INTO quality_day_counts
SELECT generation, pipeline_id, manager_id, day, sum(changes), sum(skips), sum(backward_moves), sum(catch_up_moves),
       sum(overdue_tasks), sum(reschedules)
FROM (SELECT generation, pipeline_id, manager_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, 1 AS changes,
             CASE WHEN skipped_count > 0 THEN 1 ELSE 0 END AS skips,
             CASE WHEN direction = 'BACKWARD' THEN 1 ELSE 0 END AS backward_moves,
             CASE WHEN catch_up THEN 1 ELSE 0 END AS catch_up_moves, 0 AS overdue_tasks, 0 AS reschedules
      FROM stage_changes
      UNION ALL
      SELECT generation, pipeline_id, assignee_id, (occurred_at AT TIME ZONE 'UTC')::date, 0, 0, 0, 0,
             CASE WHEN kind = 'OVERDUE' THEN 1 ELSE 0 END, CASE WHEN kind = 'RESCHEDULED' THEN 1 ELSE 0 END
      FROM task_facts) AS contributions
GROUP BY generation, pipeline_id, manager_id, day;

-- Deals without an open task, kept per deal so that the report reads only those (a partial index of them) instead of
-- anti-joining every open deal with the open tasks. Fed by both projectors, which may see a deal in either order:
-- the deal's side (pipeline, manager, open) is NULL/false until its deal row is written, the task side counts the
-- deal's open tasks. See OpenTasks.
CREATE TABLE deal_open_tasks (
    generation  integer NOT NULL,
    deal_id     text    NOT NULL,
    pipeline_id text,
    manager_id  text,
    deal_open   boolean NOT NULL,
    open_tasks  integer NOT NULL,
    PRIMARY KEY (generation, deal_id)
);
CREATE INDEX deal_open_tasks_untasked ON deal_open_tasks (generation, pipeline_id) INCLUDE (manager_id)
    WHERE deal_open AND open_tasks = 0;

INSERT INTO deal_open_tasks
SELECT coalesce(d.generation, t.generation), coalesce(d.deal_id, t.deal_id), d.pipeline_id, d.manager_id,
       coalesce(d.status = 'OPEN', false), coalesce(t.open_tasks, 0)
FROM deals d
FULL JOIN (SELECT generation, deal_id, count(*) AS open_tasks FROM tasks WHERE status = 'OPEN'
           GROUP BY generation, deal_id) AS t
       ON t.generation = d.generation AND t.deal_id = d.deal_id;
