package io.dealflow.task.task;

import io.dealflow.api.task.CancelCause;
import io.dealflow.api.task.TaskKind;
import io.dealflow.platform.security.Actor;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Every change of a task's state goes through here, so that each one is stored and published as its event in the
 * same transaction, and counted. Callers hold the transaction.
 */
@Component
public class TaskLifecycle {

    private final TaskStore tasks;
    private final TaskEventPublisher events;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    public TaskLifecycle(TaskStore tasks, TaskEventPublisher events, JdbcClient jdbc, MeterRegistry meters) {
        this.tasks = tasks;
        this.events = events;
        this.jdbc = jdbc;
        this.meters = meters;
    }

    public Task open(TaskDraft draft, Instant now, Actor actor, String causationId) {
        Changes changes = changes();
        Task task = changes.open(draft, now, actor, causationId);
        changes.write();
        return task;
    }

    public void complete(Task task, Instant now, Actor actor) {
        tasks.complete(task.taskId(), now);
        events.publish(task.completed(actor.person()), now, null, actor.clientId());
        meters.counter("dealflow.tasks.completed", "pipeline", task.pipelineId(), "kind", task.kind().name())
                .increment();
    }

    /** Opens and cancellations to be written together, in a few statements whatever their number. */
    public Changes changes() {
        return new Changes();
    }

    public void reschedule(Task task, Instant dueAt, String reason, Instant now, Actor actor) {
        tasks.reschedule(task.taskId(), dueAt);
        jdbc.sql("""
                        INSERT INTO task_reschedules (task_id, assignee_id, pipeline_id, from_due_at, to_due_at, reason,
                                                      actor, at)
                        VALUES (:taskId, :assigneeId, :pipelineId, :from, :to, :reason, :actor, :at)""")
                .param("taskId", task.taskId())
                .param("assigneeId", task.assigneeId())
                .param("pipelineId", task.pipelineId())
                .param("from", Timestamp.from(task.dueAt()))
                .param("to", Timestamp.from(dueAt))
                .param("reason", reason)
                .param("actor", actor.person())
                .param("at", Timestamp.from(now))
                .update();
        events.publish(task.rescheduled(dueAt, reason, actor.person()), now, null, actor.clientId());
        meters.counter("dealflow.tasks.reschedules", "pipeline", task.pipelineId()).increment();
    }

    /** Publishes what {@link TaskStore#markOverdue} marked. */
    public void overdue(Task task, Instant now, Actor actor) {
        events.publish(task.overdue(actor.person()), now, null, actor.clientId());
        meters.counter("dealflow.tasks.overdue.detected", "pipeline", task.pipelineId()).increment();
    }

    /**
     * Task changes gathered and then written at once (a poll of deal events makes many): the tasks opened, the
     * cancellations and every event, in the order they were made.
     */
    public final class Changes {

        private final List<Task> opened = new ArrayList<>();
        private final List<TaskStore.Cancellation> cancelled = new ArrayList<>();
        private final List<TaskEventPublisher.Pending> recorded = new ArrayList<>();

        private Changes() {
        }

        public Task open(TaskDraft draft, Instant now, Actor actor, String causationId) {
            Task task = Task.open(UUID.randomUUID().toString(), draft.dealId(), draft.pipelineId(), draft.stageId(),
                    draft.kind(), draft.title(), draft.assigneeId(), draft.dueAt(), now);
            opened.add(task);
            recorded.add(new TaskEventPublisher.Pending(task.opened(actor.person()), now, causationId,
                    actor.clientId()));
            return task;
        }

        public void cancel(Task task, CancelCause cause, Instant now, Actor actor, String causationId) {
            cancelled.add(new TaskStore.Cancellation(task.taskId(), cause, now));
            recorded.add(new TaskEventPublisher.Pending(task.cancelled(cause, actor.person()), now, causationId,
                    actor.clientId()));
        }

        /** In the caller's transaction: the new tasks first, so a task opened and cancelled here is both. */
        public void write() {
            tasks.insertAll(opened);
            tasks.cancelAll(cancelled);
            events.publishAll(recorded);
            opened.forEach(task -> meters.counter("dealflow.tasks.opened", "pipeline", task.pipelineId(), "kind",
                    task.kind().name()).increment());
            opened.clear();
            cancelled.clear();
            recorded.clear();
        }
    }

    /** What a new task is to be; the lifecycle gives it its id. */
    public record TaskDraft(String dealId, String pipelineId, String stageId, TaskKind kind, String title,
                            String assigneeId, Instant dueAt) {
    }
}
