-- The additive reports (funnel, conversion, loss reasons) read per-day sums instead of every visit: over 1,000,000
-- deals a report then sums about one row per (stage, manager, day) plus the visits of the period's partial first and
-- last days. The projector inserts one delta row per key and batch; DayCounts folds them into one row per key.

-- Conversion counts a deal once per stage: a deal that re-entered a stage has all its visits there marked shared,
-- and those are counted from the visits themselves (few: a backward move and a return).
ALTER TABLE visits ADD COLUMN shared boolean NOT NULL DEFAULT false;
-- The (version, stage) pairs the deal has been in, "1:new-inquiry,1:proposal", to recognise a re-entry.
ALTER TABLE deals ADD COLUMN visited text NOT NULL DEFAULT '';

UPDATE visits v SET shared = true
FROM (SELECT generation, deal_id, pipeline_version, stage_id FROM visits
      GROUP BY generation, deal_id, pipeline_version, stage_id HAVING count(*) > 1) AS again
WHERE v.generation = again.generation AND v.deal_id = again.deal_id
  AND v.pipeline_version = again.pipeline_version AND v.stage_id = again.stage_id;

UPDATE deals d SET visited = s.visited
FROM (SELECT generation, deal_id, string_agg(key, ',' ORDER BY first_visit) AS visited
      FROM (SELECT generation, deal_id, pipeline_version || ':' || stage_id AS key, min(visit_no) AS first_visit
            FROM visits GROUP BY generation, deal_id, pipeline_version, stage_id) AS keys
      GROUP BY generation, deal_id) AS s
WHERE d.generation = s.generation AND d.deal_id = s.deal_id;

-- No key: rows are deltas until folded (see DayCounts). Days are UTC dates of the events' times.
CREATE TABLE stage_day_counts (
    generation             integer NOT NULL,
    pipeline_id            text    NOT NULL,
    pipeline_version       integer NOT NULL,
    stage_id               text    NOT NULL,
    manager_id             text    NOT NULL,
    day                    date    NOT NULL,
    entered                bigint  NOT NULL, -- visits that started that day (funnel)
    exited                 bigint  NOT NULL, -- visits that ended that day (funnel)
    conversion_entered     bigint  NOT NULL, -- deals whose only visit to the stage started that day
    conversion_advanced    bigint  NOT NULL, -- ... and ended FORWARD or WON
    conversion_lost        bigint  NOT NULL, -- ... and ended LOST
    conversion_still_there bigint  NOT NULL  -- ... and is open
);
CREATE INDEX stage_day_counts_by_day ON stage_day_counts (generation, pipeline_id, day);

CREATE TABLE loss_day_counts (
    generation       integer NOT NULL,
    pipeline_id      text    NOT NULL,
    pipeline_version integer NOT NULL,
    stage_id         text    NOT NULL,
    manager_id       text    NOT NULL,
    day              date    NOT NULL,
    reason_code      text,
    lost             bigint  NOT NULL
);
CREATE INDEX loss_day_counts_by_day ON loss_day_counts (generation, pipeline_id, day);

INSERT INTO stage_day_counts
SELECT generation, pipeline_id, pipeline_version, stage_id, manager_id, day, sum(entered), sum(exited),
       sum(conversion_entered), sum(conversion_advanced), sum(conversion_lost), sum(conversion_still_there)
FROM (SELECT generation, pipeline_id, pipeline_version, stage_id, manager_id,
             (entered_at AT TIME ZONE 'UTC')::date AS day, 1 AS entered, 0 AS exited,
             CASE WHEN NOT shared THEN 1 ELSE 0 END AS conversion_entered,
             CASE WHEN NOT shared AND exit_kind IN ('FORWARD', 'WON') THEN 1 ELSE 0 END AS conversion_advanced,
             CASE WHEN NOT shared AND exit_kind = 'LOST' THEN 1 ELSE 0 END AS conversion_lost,
             CASE WHEN NOT shared AND exited_at IS NULL THEN 1 ELSE 0 END AS conversion_still_there
      FROM visits
      UNION ALL
      SELECT generation, pipeline_id, pipeline_version, stage_id, manager_id,
             (exited_at AT TIME ZONE 'UTC')::date, 0, 1, 0, 0, 0, 0
      FROM visits WHERE exited_at IS NOT NULL) AS contributions
GROUP BY generation, pipeline_id, pipeline_version, stage_id, manager_id, day;

INSERT INTO loss_day_counts
SELECT generation, pipeline_id, pipeline_version, stage_id, manager_id, (exited_at AT TIME ZONE 'UTC')::date,
       loss_reason, count(*)
FROM visits WHERE exit_kind = 'LOST'
GROUP BY generation, pipeline_id, pipeline_version, stage_id, manager_id, (exited_at AT TIME ZONE 'UTC')::date,
         loss_reason;

-- The partial first and last days of a period, and the funnel's day of asOf, come from the visits: by entry for the
-- funnel and conversion, covering so that a day's visits are read from the index alone.
DROP INDEX visits_by_entry;
CREATE INDEX visits_by_entry ON visits (generation, pipeline_id, entered_at)
    INCLUDE (pipeline_version, stage_id, manager_id, exit_kind, exited_at, shared);
-- The visits of deals that re-entered a stage, which conversion reads per deal.
CREATE INDEX visits_shared_by_entry ON visits (generation, pipeline_id, entered_at)
    INCLUDE (deal_id, visit_no, pipeline_version, stage_id, manager_id, exit_kind, exited_at) WHERE shared;
