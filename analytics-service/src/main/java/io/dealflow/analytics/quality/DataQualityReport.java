package io.dealflow.analytics.quality;

import io.dealflow.analytics.report.ReportFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Data quality per manager. Stage changes count for the manager who made them (the deal's manager then); task
 * facts for the task's assignee; a deal without an open task for the deal's current manager, whatever the period
 * (it is a state, not an event).
 */
@Component
public class DataQualityReport {

    private final JdbcClient jdbc;

    public DataQualityReport(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<DataQualityRow> run(int generation, ReportFilter filter) {
        return jdbc.sql("""
                        WITH changes AS (
                            SELECT manager_id,
                                   count(*) FILTER (WHERE skipped_count > 0) AS skips,
                                   count(*) FILTER (WHERE direction = 'BACKWARD') AS backward_moves,
                                   count(*) FILTER (WHERE catch_up) AS catch_up_moves
                            FROM stage_changes
                            WHERE generation = :generation AND pipeline_id = :pipelineId
                              AND occurred_at >= :from AND occurred_at < :to
                            GROUP BY manager_id),
                        facts AS (
                            SELECT assignee_id AS manager_id,
                                   count(*) FILTER (WHERE kind = 'OVERDUE') AS overdue_tasks,
                                   count(*) FILTER (WHERE kind = 'RESCHEDULED') AS reschedules
                            FROM task_facts
                            WHERE generation = :generation AND pipeline_id = :pipelineId
                              AND occurred_at >= :from AND occurred_at < :to
                            GROUP BY assignee_id),
                        untasked AS (
                            SELECT d.manager_id, count(*) AS deals_without_open_task
                            FROM deals d
                            WHERE d.generation = :generation AND d.pipeline_id = :pipelineId AND d.status = 'OPEN'
                              AND NOT EXISTS (SELECT 1 FROM tasks t
                                              WHERE t.generation = d.generation AND t.deal_id = d.deal_id
                                                AND t.status = 'OPEN')
                            GROUP BY d.manager_id),
                        managers AS (
                            SELECT manager_id FROM changes UNION SELECT manager_id FROM facts
                            UNION SELECT manager_id FROM untasked)
                        SELECT m.manager_id, coalesce(c.skips, 0) AS skips,
                               coalesce(c.backward_moves, 0) AS backward_moves,
                               coalesce(c.catch_up_moves, 0) AS catch_up_moves,
                               coalesce(u.deals_without_open_task, 0) AS deals_without_open_task,
                               coalesce(f.overdue_tasks, 0) AS overdue_tasks,
                               coalesce(f.reschedules, 0) AS reschedules
                        FROM managers m
                        LEFT JOIN changes c ON c.manager_id = m.manager_id
                        LEFT JOIN facts f ON f.manager_id = m.manager_id
                        LEFT JOIN untasked u ON u.manager_id = m.manager_id
                        WHERE :managerId = '' OR m.manager_id = :managerId
                        ORDER BY m.manager_id""")
                .param("generation", generation).param("pipelineId", filter.pipelineId())
                .param("from", filter.fromBound()).param("to", filter.toBound())
                .param("managerId", filter.managerOrAll())
                .query((row, n) -> new DataQualityRow(filter.pipelineId(), row.getString("manager_id"),
                        row.getLong("skips"), row.getLong("backward_moves"), row.getLong("catch_up_moves"),
                        row.getLong("deals_without_open_task"), row.getLong("overdue_tasks"),
                        row.getLong("reschedules")))
                .list();
    }
}
