package io.dealflow.task.web;

import io.dealflow.platform.paging.ListQuery;
import io.dealflow.platform.paging.Page;
import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskStore;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
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
    Page<TaskView> page(Set<String> visible, String assigneeId, String dealId, String status, int page, int size) {
        if (visible != null && visible.isEmpty()) {
            return Page.empty(page, size);
        }
        ListQuery query = ListQuery.from("tasks")
                .whereIn("pipeline_id", "visible", visible)
                .whereEquals("assignee_id", "assigneeId", assigneeId)
                .whereEquals("deal_id", "dealId", dealId);
        if ("OVERDUE".equals(status)) {
            query.where("status = 'OPEN' AND overdue_at IS NOT NULL");
        } else {
            query.whereEquals("status", "status", status);
        }
        return query.page(jdbc, "due_at, task_id", page, size, TaskStore.TASK).map(TaskView::of);
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
