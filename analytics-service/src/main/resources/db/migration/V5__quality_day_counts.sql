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
