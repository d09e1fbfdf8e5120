package io.dealflow.analytics.projection;

import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.task.TaskCancelled;
import io.dealflow.api.task.TaskCompleted;
import io.dealflow.api.task.TaskEvent;
import io.dealflow.api.task.TaskOpened;
import io.dealflow.api.task.TaskOverdue;
import io.dealflow.api.task.TaskRescheduled;
import io.dealflow.platform.consumer.IdempotentConsumer;
import io.dealflow.platform.jdbc.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.dealflow.platform.jdbc.SqlArrays.micros;

/**
 * Projects task events (task-service's per-deal sequence) into open tasks and countable facts of one generation:
 * which deals have no open task, how often tasks went overdue or were rescheduled, and by whom. A batch is applied
 * in one transaction: its tasks are read once, changed in memory in delivery order and written back in one
 * statement, its facts inserted in another, and what the inserted facts add to the day counts
 * ({@code quality_day_counts}) and the changes to the deals' open tasks ({@link OpenTasks}) in two more.
 */
@Component
public class TaskProjector {

    private static final String LOAD = """
            SELECT t.task_id, t.deal_id, t.pipeline_id, t.assignee_id, t.status, t.due_at
            FROM unnest(?::text[]) AS wanted (task_id)
            JOIN tasks t ON t.generation = ? AND t.task_id = wanted.task_id""";

    private static final String UPSERT_TASKS = """
            INSERT INTO tasks AS t (generation, task_id, deal_id, pipeline_id, assignee_id, status, due_at)
            SELECT ?, * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[])
            ON CONFLICT (generation, task_id) DO UPDATE
                SET assignee_id = EXCLUDED.assignee_id, status = EXCLUDED.status, due_at = EXCLUDED.due_at""";

    /** Returns the facts actually inserted, which are the ones the day counts count. */
    private static final String INSERT_FACTS = """
            INSERT INTO task_facts (generation, deal_id, sequence, task_id, pipeline_id, assignee_id, kind,
                                    occurred_at)
            SELECT ?, * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],
                                    ?::timestamptz[])
            ON CONFLICT (generation, deal_id, sequence) DO NOTHING
            RETURNING pipeline_id, assignee_id, kind, occurred_at""";

    private final IdempotentConsumer consumer;
    private final JdbcTemplate jdbc;
    private final DayCounts dayCounts;
    private final OpenTasks openTasks;

    public TaskProjector(IdempotentConsumer consumer, JdbcTemplate jdbc, DayCounts dayCounts, OpenTasks openTasks) {
        this.consumer = consumer;
        this.jdbc = jdbc;
        this.dayCounts = dayCounts;
        this.openTasks = openTasks;
    }

    public static String consumerName(int generation) {
        return "analytics-tasks-g" + generation;
    }

    /** @return whether the event was new */
    public boolean apply(int generation, PublishedEvent<TaskEvent> published) {
        return apply(generation, List.of(published)) == 1;
    }

    /** @return how many events of the batch were new (the rest were redeliveries or older) */
    public int apply(int generation, List<PublishedEvent<TaskEvent>> batch) {
        return consumer.applyNewer(consumerName(generation), batch, published -> published.event().dealId(),
                PublishedEvent::sequence, fresh -> project(generation, fresh)).size();
    }

    private void project(int generation, List<PublishedEvent<TaskEvent>> events) {
        Map<String, TaskRow> tasks = load(generation, events);
        Set<TaskRow> changed = new LinkedHashSet<>();
        List<FactRow> facts = new ArrayList<>();
        for (PublishedEvent<TaskEvent> published : events) {
            TaskEvent event = published.event();
            TaskRow task = tasks.get(event.taskId());
            if (event instanceof TaskOpened) {
                if (task == null) {
                    task = new TaskRow(event.taskId(), event.dealId(), event.pipelineId());
                    task.assigneeId = event.assigneeId();
                    task.status = "OPEN";
                    task.dueAt = micros(event.dueAt());
                    tasks.put(task.taskId, task);
                    changed.add(task);
                }
            } else if (event instanceof TaskRescheduled) {
                if (task != null) {
                    task.dueAt = micros(event.dueAt());
                    task.assigneeId = event.assigneeId();
                    changed.add(task);
                }
                facts.add(new FactRow(published, "RESCHEDULED"));
            } else if (event instanceof TaskOverdue) {
                facts.add(new FactRow(published, "OVERDUE"));
            } else if (event instanceof TaskCompleted) {
                status(task, "DONE", changed);
            } else if (event instanceof TaskCancelled) {
                status(task, "CANCELLED", changed);
            }
        }
        write(generation, List.copyOf(changed), facts);
    }

    private static void status(TaskRow task, String status, Set<TaskRow> changed) {
        if (task != null) {
            task.status = status;
            changed.add(task);
        }
    }

    private Map<String, TaskRow> load(int generation, List<PublishedEvent<TaskEvent>> events) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(published -> ids.add(published.event().taskId()));
        Map<String, TaskRow> tasks = new LinkedHashMap<>();
        jdbc.query(connection -> SqlArrays.prepare(connection, LOAD, ids.toArray(String[]::new), generation),
                (RowCallbackHandler) row -> {
                    TaskRow task = new TaskRow(row.getString("task_id"), row.getString("deal_id"),
                            row.getString("pipeline_id"));
                    task.assigneeId = row.getString("assignee_id");
                    task.status = row.getString("status");
                    task.loadedStatus = task.status;
                    task.dueAt = SqlArrays.instant(row, "due_at");
                    tasks.put(task.taskId, task);
                });
        return tasks;
    }

    private void write(int generation, List<TaskRow> tasks, List<FactRow> facts) {
        if (!tasks.isEmpty()) {
            jdbc.update(connection -> SqlArrays.prepare(connection, UPSERT_TASKS, generation,
                    SqlArrays.text(tasks, t -> t.taskId), SqlArrays.text(tasks, t -> t.dealId),
                    SqlArrays.text(tasks, t -> t.pipelineId), SqlArrays.text(tasks, t -> t.assigneeId),
                    SqlArrays.text(tasks, t -> t.status), SqlArrays.times(tasks, t -> t.dueAt)));
            Map<String, Integer> openTaskChanges = new HashMap<>();
            tasks.forEach(t -> openTaskChanges.merge(t.dealId, t.openNow() - t.openAsLoaded(), Integer::sum));
            openTasks.addTasks(generation, openTaskChanges);
        }
        if (!facts.isEmpty()) {
            CountDeltas deltas = new CountDeltas();
            jdbc.query(connection -> SqlArrays.prepare(connection, INSERT_FACTS, generation,
                    SqlArrays.text(facts, FactRow::dealId), SqlArrays.longs(facts, FactRow::sequence),
                    SqlArrays.text(facts, FactRow::taskId), SqlArrays.text(facts, FactRow::pipelineId),
                    SqlArrays.text(facts, FactRow::assigneeId), SqlArrays.text(facts, FactRow::kind),
                    SqlArrays.times(facts, FactRow::occurredAt)), (RowCallbackHandler) row -> deltas.addTaskFact(
                    row.getString("pipeline_id"), row.getString("assignee_id"), row.getString("kind"),
                    SqlArrays.instant(row, "occurred_at")));
            dayCounts.write(generation, deltas);
        }
    }

    private static final class TaskRow {
        final String taskId;
        final String dealId;
        final String pipelineId;
        String assigneeId;
        String status;
        /** As it was before this batch, null for a task this batch opened. */
        String loadedStatus;
        Instant dueAt;

        TaskRow(String taskId, String dealId, String pipelineId) {
            this.taskId = taskId;
            this.dealId = dealId;
            this.pipelineId = pipelineId;
        }

        int openNow() {
            return "OPEN".equals(status) ? 1 : 0;
        }

        int openAsLoaded() {
            return "OPEN".equals(loadedStatus) ? 1 : 0;
        }
    }

    private record FactRow(String dealId, Long sequence, String taskId, String pipelineId, String assigneeId,
                           String kind, Instant occurredAt) {

        FactRow(PublishedEvent<TaskEvent> published, String kind) {
            this(published.event().dealId(), published.sequence(), published.event().taskId(),
                    published.event().pipelineId(), published.event().assigneeId(), kind,
                    micros(published.occurredAt()));
        }
    }
}
