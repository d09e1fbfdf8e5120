package io.dealflow.analytics.quality;

import io.dealflow.analytics.report.DaySplit;
import io.dealflow.analytics.report.ReportFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Data quality per manager. Stage changes count for the manager who made them (the deal's manager then); task
 * facts for the task's assignee; a deal without an open task for the deal's current manager, whatever the period
 * (it is a state, not an event).
 *
 * <p>Whole days of the period are read from the day counts ({@code quality_day_counts}), its partial first and last
 * days from the stage changes and task facts themselves, so the report sums about one row per manager and day
 * instead of every stage change. A manager is listed when the period holds any stage change or task fact of theirs
 * (the day counts count every change, clean ones too) or an open deal of theirs has no open task. The deals without
 * an open task are read from {@code deal_open_tasks}, whose partial index holds just those (see OpenTasks).
 */
@Component
public class DataQualityReport {

    private final JdbcClient jdbc;

    public DataQualityReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DataQualityRow> run(int generation, ReportFilter filter) {
        DaySplit days = DaySplit.of(filter);
        return jdbc.sql("""
                        WITH partial_days (starts, ends) AS (
                            VALUES (CAST(:headFrom AS timestamptz), CAST(:headTo AS timestamptz)),
                                   (CAST(:tailFrom AS timestamptz), CAST(:tailTo AS timestamptz))),
                        counted AS (
                            SELECT manager_id, changes, skips, backward_moves, catch_up_moves, overdue_tasks,
                                   reschedules
                            FROM quality_day_counts
                            WHERE generation = :generation AND pipeline_id = :pipelineId
                              AND day >= :firstDay AND day < :endDay
                              AND (:managerId = '' OR manager_id = :managerId)
                            UNION ALL
                            SELECT c.manager_id, 1, CASE WHEN c.skipped_count > 0 THEN 1 ELSE 0 END,
                                   CASE WHEN c.direction = 'BACKWARD' THEN 1 ELSE 0 END,
                                   CASE WHEN c.catch_up THEN 1 ELSE 0 END, 0, 0
                            FROM partial_days p
                            JOIN stage_changes c ON c.generation = :generation AND c.pipeline_id = :pipelineId
                                                AND c.occurred_at >= p.starts AND c.occurred_at < p.ends
                            WHERE :managerId = '' OR c.manager_id = :managerId
                            UNION ALL
                            SELECT f.assignee_id, 0, 0, 0, 0, CASE WHEN f.kind = 'OVERDUE' THEN 1 ELSE 0 END,
                                   CASE WHEN f.kind = 'RESCHEDULED' THEN 1 ELSE 0 END
                            FROM partial_days p
                            JOIN task_facts f ON f.generation = :generation AND f.pipeline_id = :pipelineId
                                             AND f.occurred_at >= p.starts AND f.occurred_at < p.ends
                            WHERE :managerId = '' OR f.assignee_id = :managerId),
                        active AS (
                            SELECT manager_id, sum(skips) AS skips, sum(backward_moves) AS backward_moves,
                                   sum(catch_up_moves) AS catch_up_moves, sum(overdue_tasks) AS overdue_tasks,
                                   sum(reschedules) AS reschedules
                            FROM counted
                            GROUP BY manager_id
                            HAVING sum(changes) > 0 OR sum(overdue_tasks) > 0 OR sum(reschedules) > 0),
                        untasked AS (
                            SELECT manager_id, count(*) AS deals_without_open_task
                            FROM deal_open_tasks
                            WHERE generation = :generation AND pipeline_id = :pipelineId
                              AND deal_open AND open_tasks = 0
                              AND (:managerId = '' OR manager_id = :managerId)
                            GROUP BY manager_id)
                        SELECT coalesce(a.manager_id, u.manager_id) AS manager_id, coalesce(a.skips, 0) AS skips,
                               coalesce(a.backward_moves, 0) AS backward_moves,
                               coalesce(a.catch_up_moves, 0) AS catch_up_moves,
                               coalesce(u.deals_without_open_task, 0) AS deals_without_open_task,
                               coalesce(a.overdue_tasks, 0) AS overdue_tasks,
                               coalesce(a.reschedules, 0) AS reschedules
                        FROM active a
                        FULL JOIN untasked u ON u.manager_id = a.manager_id
                        ORDER BY 1""")
                .param("generation", generation).param("pipelineId", filter.pipelineId())
                .param("firstDay", days.firstDay()).param("endDay", days.endDay())
                .param("headFrom", days.headFrom()).param("headTo", days.headTo())
                .param("tailFrom", days.tailFrom()).param("tailTo", days.tailTo())
                .param("managerId", filter.managerOrAll())
                .query((row, n) -> new DataQualityRow(filter.pipelineId(), row.getString("manager_id"),
                        row.getLong("skips"), row.getLong("backward_moves"), row.getLong("catch_up_moves"),
                        row.getLong("deals_without_open_task"), row.getLong("overdue_tasks"),
                        row.getLong("reschedules")))
                .list();
    }
}
