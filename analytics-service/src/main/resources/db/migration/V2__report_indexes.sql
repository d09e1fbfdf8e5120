-- Indexes shaped after the reports' plans (EXPLAIN ANALYZE over 1,000,000 deals, 4.5 M visits, 3.5 M stage changes).
-- Most are covering (INCLUDE) and partial, so a report reads a narrow index only and never the scattered heap pages
-- of its rows: a rebuild vacuums the new generation, so the visibility map lets these scans skip the heap.

-- Open visits: funnel "now" and stuck deals (range and order on entered_at). 50,000 open visits spread over
-- 50,000 heap pages took 474 ms through the old visits_open; index only, 9 ms.
DROP INDEX visits_open;
CREATE INDEX visits_open_by_entry ON visits (generation, pipeline_id, entered_at)
    INCLUDE (pipeline_version, stage_id, manager_id, deal_id) WHERE exited_at IS NULL;

-- Finished visits by their end: time in stage, and the funnel at a past instant (visits that ended after it). An
-- open visit has no entry, so the index changes once per visit, when it ends.
DROP INDEX visits_by_exit;
CREATE INDEX visits_finished_by_exit ON visits (generation, pipeline_id, exited_at)
    INCLUDE (entered_at, pipeline_version, stage_id, manager_id, catch_up) WHERE exited_at IS NOT NULL;

-- Loss reasons: only the visits a loss ended.
CREATE INDEX visits_lost_by_exit ON visits (generation, pipeline_id, exited_at)
    INCLUDE (pipeline_version, stage_id, loss_reason, manager_id) WHERE exit_kind = 'LOST';

-- Data quality: the counted columns travel with the index (a month of stage changes: 55 -> 28 ms).
DROP INDEX stage_changes_by_pipeline;
CREATE INDEX stage_changes_by_time ON stage_changes (generation, pipeline_id, occurred_at)
    INCLUDE (manager_id, skipped_count, direction, catch_up);

-- Data quality, deals without an open task: the open deals of a pipeline, anti-joined with tasks_open_by_deal,
-- both index only (126 -> 21 ms over 50,000 open deals).
CREATE INDEX deals_open_by_pipeline ON deals (generation, pipeline_id, deal_id) INCLUDE (manager_id)
    WHERE status = 'OPEN';
