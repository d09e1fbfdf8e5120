package io.dealflow.task.task;

import io.dealflow.api.task.CancelCause;
import io.dealflow.api.task.TaskKind;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Tasks in PostgreSQL. Every method runs in the caller's transaction. */
@Repository
public class TaskStore {

    private final JdbcClient jdbc;

    public TaskStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(Task task) {
        jdbc.sql("""
                        INSERT INTO tasks (task_id, deal_id, pipeline_id, stage_id, kind, title, assignee_id, due_at,
                                           status, created_at)
                        VALUES (:taskId, :dealId, :pipelineId, :stageId, :kind, :title, :assigneeId, :dueAt,
                                'OPEN', :createdAt)""")
                .param("taskId", task.taskId())
                .param("dealId", task.dealId())
                .param("pipelineId", task.pipelineId())
                .param("stageId", task.stageId())
                .param("kind", task.kind().name())
                .param("title", task.title())
                .param("assigneeId", task.assigneeId())
                .param("dueAt", Timestamp.from(task.dueAt()))
                .param("createdAt", Timestamp.from(task.createdAt()))
                .update();
    }

    public Optional<Task> find(String taskId) {
        return jdbc.sql("SELECT * FROM tasks WHERE task_id = :id").param("id", taskId).query(TASK).optional();
    }

    public List<Task> openTasksOfDeal(String dealId) {
        return jdbc.sql("SELECT * FROM tasks WHERE deal_id = :dealId AND status = 'OPEN' ORDER BY created_at")
                .param("dealId", dealId).query(TASK).list();
    }

    public void complete(String taskId, Instant at) {
        jdbc.sql("UPDATE tasks SET status = 'DONE', closed_at = :at WHERE task_id = :id AND status = 'OPEN'")
                .param("id", taskId).param("at", Timestamp.from(at)).update();
    }

    public void cancel(String taskId, CancelCause cause, Instant at) {
        jdbc.sql("""
                        UPDATE tasks SET status = 'CANCELLED', closed_at = :at, cancel_cause = :cause
                        WHERE task_id = :id AND status = 'OPEN'""")
                .param("id", taskId).param("at", Timestamp.from(at)).param("cause", cause.name()).update();
    }

    /** A new due time is a new chance: the task can be detected overdue again if this one passes too. */
    public void reschedule(String taskId, Instant dueAt) {
        jdbc.sql("""
                        UPDATE tasks SET due_at = :dueAt, overdue_at = NULL, reschedule_count = reschedule_count + 1,
                                         stale_close_requested_at = NULL
                        WHERE task_id = :id""")
                .param("id", taskId).param("dueAt", Timestamp.from(dueAt)).update();
    }

    /**
     * Marks every open task past its due time as overdue and returns exactly those: a task is marked once per due
     * time, even with several scanners, because the update only takes rows not marked yet.
     */
    public List<Task> markOverdue(Instant now, int limit) {
        return jdbc.sql("""
                        UPDATE tasks SET overdue_at = :now
                        WHERE task_id IN (SELECT task_id FROM tasks
                                          WHERE status = 'OPEN' AND overdue_at IS NULL AND due_at < :now
                                          ORDER BY due_at LIMIT :limit FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(TASK).list();
    }

    /**
     * Follow-up tasks overdue longer than their pipeline's {@code staleAfter} on deals still open, whose deal has not
     * been asked to close yet (R5).
     */
    public List<Task> staleFollowUps(Instant now, int limit) {
        return jdbc.sql("""
                        SELECT t.* FROM tasks t
                        JOIN tracked_deals d ON d.deal_id = t.deal_id AND d.open
                        JOIN pipeline_catalog p ON p.pipeline_id = d.pipeline_id AND p.version = d.pipeline_version
                        WHERE t.status = 'OPEN' AND t.kind <> 'CONTROL' AND t.overdue_at IS NOT NULL
                          AND t.stale_close_requested_at IS NULL
                          AND p.definition ->> 'staleAfter' IS NOT NULL
                          AND t.due_at + CAST(p.definition ->> 'staleAfter' AS interval) < :now
                        ORDER BY t.due_at LIMIT :limit""")
                .param("now", Timestamp.from(now)).param("limit", limit).query(TASK).list();
    }

    public void markStaleCloseRequested(String taskId, Instant at) {
        jdbc.sql("UPDATE tasks SET stale_close_requested_at = :at WHERE task_id = :id")
                .param("id", taskId).param("at", Timestamp.from(at)).update();
    }

    public static final RowMapper<Task> TASK = (ResultSet row, int index) -> new Task(
            row.getString("task_id"),
            row.getString("deal_id"),
            row.getString("pipeline_id"),
            row.getString("stage_id"),
            TaskKind.valueOf(row.getString("kind")),
            row.getString("title"),
            row.getString("assignee_id"),
            instant(row, "due_at"),
            TaskStatus.valueOf(row.getString("status")),
            instant(row, "overdue_at"),
            row.getInt("reschedule_count"),
            instant(row, "created_at"),
            instant(row, "closed_at"),
            row.getString("cancel_cause") == null ? null : CancelCause.valueOf(row.getString("cancel_cause")));

    static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
