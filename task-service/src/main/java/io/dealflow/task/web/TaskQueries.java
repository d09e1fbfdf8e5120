package io.dealflow.task.web;

import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The read side of the task API: lists and reports straight from the task tables. */
@Component
class TaskQueries {

    private final JdbcClient jdbc;
    private final TaskStore tasks;

    TaskQueries(JdbcClient jdbc, TaskStore tasks) {
        this.jdbc = jdbc;
        this.tasks = tasks;
    }

    Optional<Task> find(String taskId) {
        return tasks.find(taskId);
    }

    /**
     * @param visible the pipelines whose tasks the caller may see, or null for all
     * @param status  OPEN, DONE, CANCELLED or OVERDUE (open and past due); null for all
     */
    TaskPage page(Set<String> visible, String assigneeId, String dealId, String status, int page, int size) {
        if (visible != null && visible.isEmpty()) {
            return new TaskPage(List.of(), page, size, 0);
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        Map<String, Object> params = new HashMap<>();
        if (visible != null) {
            where.append(" AND pipeline_id IN (:visible)");
            params.put("visible", visible);
        }
        if (assigneeId != null) {
            where.append(" AND assignee_id = :assigneeId");
            params.put("assigneeId", assigneeId);
        }
        if (dealId != null) {
            where.append(" AND deal_id = :dealId");
            params.put("dealId", dealId);
        }
        if ("OVERDUE".equals(status)) {
            where.append(" AND status = 'OPEN' AND overdue_at IS NOT NULL");
        } else if (status != null) {
            where.append(" AND status = :status");
            params.put("status", status);
        }
        long total = jdbc.sql("SELECT count(*) FROM tasks" + where).params(params).query(Long.class).single();
        List<TaskView> items = jdbc.sql("SELECT * FROM tasks" + where + " ORDER BY due_at, task_id"
                        + " LIMIT :limit OFFSET :offset")
                .params(params).param("limit", size).param("offset", (long) page * size)
                .query(TaskStore.TASK).list().stream().map(TaskView::of).toList();
        return new TaskPage(items, page, size, total);
    }

    /** Open deals with no open follow-up task: empty by construction (R4); this report is the proof. */
    List<DealWithoutTask> dealsWithoutTasks(Set<String> visible) {
        if (visible != null && visible.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT d.deal_id, d.pipeline_id, d.stage_id, d.manager_id, d.updated_at FROM tracked_deals d
                        WHERE d.open AND NOT EXISTS (SELECT 1 FROM tasks t WHERE t.deal_id = d.deal_id
                                                    AND t.status = 'OPEN' AND t.kind <> 'CONTROL')
                        """ + onlyIn(visible, "d.pipeline_id") + " ORDER BY d.updated_at")
                .params(visibleParam(visible))
                .query((row, index) -> new DealWithoutTask(row.getString("deal_id"), row.getString("pipeline_id"),
                        row.getString("stage_id"), row.getString("manager_id"),
                        row.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** Overdue tasks grouped by assignee (or pipeline): how many, and since when the oldest. */
    List<OverdueGroup> overdue(String groupColumn, Set<String> visible) {
        if (visible != null && visible.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + groupColumn + " AS grp, count(*) AS overdue, min(due_at) AS oldest_due_at"
                        + " FROM tasks WHERE status = 'OPEN' AND overdue_at IS NOT NULL" + onlyIn(visible, "pipeline_id")
                        + " GROUP BY " + groupColumn + " ORDER BY overdue DESC, grp")
                .params(visibleParam(visible)).query(OVERDUE).list();
    }

    /** Reschedules per manager: how often, on how many tasks; a manager who reschedules daily hides a stale deal. */
    List<RescheduleCount> reschedulesByAssignee(Set<String> visible) {
        if (visible != null && visible.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT assignee_id, count(*) AS reschedules, count(DISTINCT task_id) AS tasks, max(at) AS last_at
                        FROM task_reschedules WHERE true""" + onlyIn(visible, "pipeline_id")
                        + " GROUP BY assignee_id ORDER BY reschedules DESC, assignee_id")
                .params(visibleParam(visible))
                .query((row, index) -> new RescheduleCount(row.getString("assignee_id"), row.getLong("reschedules"),
                        row.getLong("tasks"), instant(row.getTimestamp("last_at"))))
                .list();
    }

    /** A report limited to the caller's pipelines; nothing to add for a caller of every department. */
    private static String onlyIn(Set<String> visible, String column) {
        return visible == null ? "" : " AND " + column + " IN (:visible)";
    }

    private static Map<String, Object> visibleParam(Set<String> visible) {
        return visible == null ? Map.of() : Map.of("visible", visible);
    }

    private static final RowMapper<OverdueGroup> OVERDUE = (row, index) -> new OverdueGroup(row.getString("grp"),
            row.getLong("overdue"), instant(row.getTimestamp("oldest_due_at")));

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    record DealWithoutTask(String dealId, String pipelineId, String stageId, String managerId, Instant since) {
    }

    record OverdueGroup(String key, long overdue, Instant oldestDueAt) {
    }

    record RescheduleCount(String assigneeId, long reschedules, long tasks, Instant lastRescheduledAt) {
    }
}
