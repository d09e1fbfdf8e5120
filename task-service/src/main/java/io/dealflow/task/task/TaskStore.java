package io.dealflow.task.task;

import io.dealflow.api.task.CancelCause;
import io.dealflow.api.task.TaskKind;
import io.dealflow.platform.jdbc.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Tasks in PostgreSQL. Every method runs in the caller's transaction. */
@Repository
public class TaskStore {

    private final JdbcClient jdbc;
    /** For the statements that bind a column of many rows as an array. */
    private final JdbcTemplate batch;

    public TaskStore(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** New tasks, in one statement whatever their number. */
    public void insertAll(List<Task> opened) {
        if (opened.isEmpty()) {
            return;
        }
        batch.update(connection -> SqlArrays.prepare(connection, """
                        INSERT INTO tasks (task_id, deal_id, pipeline_id, stage_id, kind, title, assignee_id, due_at,
                                           status, created_at)
                        SELECT task_id, deal_id, pipeline_id, stage_id, kind, title, assignee_id, due_at, 'OPEN',
                               created_at
                        FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::timestamptz[], ?::timestamptz[])
                             AS t (task_id, deal_id, pipeline_id, stage_id, kind, title, assignee_id, due_at,
                                   created_at)""",
                SqlArrays.text(opened, Task::taskId), SqlArrays.text(opened, Task::dealId),
                SqlArrays.text(opened, Task::pipelineId), SqlArrays.text(opened, Task::stageId),
                SqlArrays.text(opened, task -> task.kind().name()), SqlArrays.text(opened, Task::title),
                SqlArrays.text(opened, Task::assigneeId), SqlArrays.times(opened, Task::dueAt),
                SqlArrays.times(opened, Task::createdAt)));
    }

    public Optional<Task> find(String taskId) {
        return jdbc.sql("SELECT * FROM tasks WHERE task_id = :id").param("id", taskId).query(TASK).optional();
    }

    public List<Task> openTasksOfDeal(String dealId) {
        return jdbc.sql("SELECT * FROM tasks WHERE deal_id = :dealId AND status = 'OPEN' ORDER BY created_at")
                .param("dealId", dealId).query(TASK).list();
    }

    /**
     * The open tasks of each of these deals, each deal's in the order {@link #openTasksOfDeal} gives them; a deal
     * without one is absent. The ids are joined unnested, so each is one lookup in the open tasks' index.
     */
    public Map<String, List<Task>> openTasksOfDeals(Collection<String> dealIds) {
        Map<String, List<Task>> open = new HashMap<>();
        if (dealIds.isEmpty()) {
            return open;
        }
        batch.query(connection -> SqlArrays.prepare(connection, """
                        SELECT t.* FROM unnest(?::text[]) AS wanted (deal_id)
                        JOIN tasks t ON t.deal_id = wanted.deal_id AND t.status = 'OPEN'
                        ORDER BY t.deal_id, t.created_at""", (Object) dealIds.toArray(String[]::new)),
                (RowCallbackHandler) row -> {
                    Task task = TASK.mapRow(row, 0);
                    open.computeIfAbsent(task.dealId(), deal -> new ArrayList<>()).add(task);
                });
        return open;
    }

    public void complete(String taskId, Instant at) {
        jdbc.sql("UPDATE tasks SET status = 'DONE', closed_at = :at WHERE task_id = :id AND status = 'OPEN'")
                .param("id", taskId).param("at", Timestamp.from(at)).update();
    }

    /** Cancels each task that is still open, in one statement whatever their number. */
    public void cancelAll(List<Cancellation> cancellations) {
        if (cancellations.isEmpty()) {
            return;
        }
        batch.update(connection -> SqlArrays.prepare(connection, """
                        UPDATE tasks SET status = 'CANCELLED', closed_at = c.closed_at, cancel_cause = c.cause
                        FROM unnest(?::text[], ?::text[], ?::timestamptz[]) AS c (task_id, cause, closed_at)
                        WHERE tasks.task_id = c.task_id AND tasks.status = 'OPEN'""",
                SqlArrays.text(cancellations, Cancellation::taskId),
                SqlArrays.text(cancellations, cancellation -> cancellation.cause().name()),
                SqlArrays.times(cancellations, Cancellation::at)));
    }

    /** A task to cancel, why and when. */
    public record Cancellation(String taskId, CancelCause cause, Instant at) {
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
     * The pipeline versions of the open deals that have a follow-up task marked overdue and not yet asked to close:
     * the only pipelines whose stale cutoff a scan needs.
     */
    public List<PipelineVersion> pipelinesWithOverdueFollowUps() {
        return jdbc.sql("""
                        SELECT DISTINCT d.pipeline_id, d.pipeline_version FROM tasks t
                        JOIN tracked_deals d ON d.deal_id = t.deal_id AND d.open
                        WHERE %s""".formatted(OVERDUE_FOLLOW_UP))
                .query((row, n) -> new PipelineVersion(row.getString("pipeline_id"), row.getInt("pipeline_version")))
                .list();
    }

    /**
     * Follow-up tasks marked overdue, on deals still open, not yet asked to close, and due before their deal's
     * pipeline version's cutoff (R5; the cutoffs are {@code StalePolicy}'s, so the rule is not restated here).
     */
    public List<Task> overdueFollowUpsDueBefore(List<StaleCutoff> cutoffs, int limit) {
        if (cutoffs.isEmpty()) {
            return List.of();
        }
        StringBuilder values = new StringBuilder();
        Map<String, Object> params = new HashMap<>();
        for (int i = 0; i < cutoffs.size(); i++) {
            StaleCutoff cutoff = cutoffs.get(i);
            values.append(i == 0 ? "" : ", ").append("(:pipeline").append(i).append(", :version").append(i)
                    .append(", CAST(:dueBefore").append(i).append(" AS timestamptz))");
            params.put("pipeline" + i, cutoff.pipeline().pipelineId());
            params.put("version" + i, cutoff.pipeline().version());
            params.put("dueBefore" + i, Timestamp.from(cutoff.dueBefore()));
        }
        return jdbc.sql("""
                        SELECT t.* FROM tasks t
                        JOIN tracked_deals d ON d.deal_id = t.deal_id AND d.open
                        JOIN (VALUES %s) AS c (pipeline_id, version, due_before)
                          ON c.pipeline_id = d.pipeline_id AND c.version = d.pipeline_version
                        WHERE %s AND t.due_at < c.due_before
                        ORDER BY t.due_at LIMIT :limit""".formatted(values, OVERDUE_FOLLOW_UP))
                .params(params).param("limit", limit).query(TASK).list();
    }

    private static final String OVERDUE_FOLLOW_UP = """
            t.status = 'OPEN' AND t.kind <> 'CONTROL' AND t.overdue_at IS NOT NULL
            AND t.stale_close_requested_at IS NULL""";

    public record PipelineVersion(String pipelineId, int version) {
    }

    /** Follow-ups of deals in {@code pipeline} due before {@code dueBefore} are stale. */
    public record StaleCutoff(PipelineVersion pipeline, Instant dueBefore) {
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
