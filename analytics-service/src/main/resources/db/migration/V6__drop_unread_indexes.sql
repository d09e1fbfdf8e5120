-- Two indexes that no statement reads since V5: both served data quality's anti-join of open deals with open tasks,
-- which deal_open_tasks replaced. Each still cost an entry for every deal and task written, and a rewrite with
-- every update that could not stay on its page. Counted over 1,000,000 deals (every report run before and after a
-- rebuild, the live consumption and the replay; pg_stat_user_indexes): 0 scans of deals_open_by_pipeline (46 MB);
-- tasks_open_by_deal only by V5's migration itself. The projectors load tasks by task_id (the primary key).
DROP INDEX IF EXISTS deals_open_by_pipeline;
DROP INDEX IF EXISTS tasks_open_by_deal;
