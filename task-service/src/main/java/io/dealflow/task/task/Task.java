package io.dealflow.task.task;

import io.dealflow.api.task.CancelCause;
import io.dealflow.api.task.TaskCancelled;
import io.dealflow.api.task.TaskCompleted;
import io.dealflow.api.task.TaskKind;
import io.dealflow.api.task.TaskOpened;
import io.dealflow.api.task.TaskOverdue;
import io.dealflow.api.task.TaskRescheduled;

import java.time.Instant;

/** A follow-up task as stored. */
public record Task(String taskId, String dealId, String pipelineId, String stageId, TaskKind kind, String title,
                   String assigneeId, Instant dueAt, TaskStatus status, Instant overdueAt, int rescheduleCount,
                   Instant createdAt, Instant closedAt, CancelCause cancelCause) {

    public boolean isOpen() {
        return status == TaskStatus.OPEN;
    }

    /**
     * Whether this task keeps its deal followed up (R4). A head's control task watches the manager; it is not the
     * manager's next step with the client.
     */
    public boolean isFollowUp() {
        return kind != TaskKind.CONTROL;
    }

    public static Task open(String taskId, String dealId, String pipelineId, String stageId, TaskKind kind,
                            String title, String assigneeId, Instant dueAt, Instant now) {
        return new Task(taskId, dealId, pipelineId, stageId, kind, title, assigneeId, dueAt, TaskStatus.OPEN, null, 0,
                now, null, null);
    }

    /*
     * The task's events, each built here once: they repeat nine of the task's components in another order, which a
     * caller building them positionally could get wrong without the compiler noticing (six are strings).
     */

    TaskOpened opened(String actor) {
        return new TaskOpened(taskId, dealId, pipelineId, assigneeId, title, dueAt, kind, stageId, actor);
    }

    TaskCompleted completed(String actor) {
        return new TaskCompleted(taskId, dealId, pipelineId, assigneeId, title, dueAt, kind, stageId, actor);
    }

    TaskCancelled cancelled(CancelCause cause, String actor) {
        return new TaskCancelled(taskId, dealId, pipelineId, assigneeId, title, dueAt, kind, stageId, actor, cause);
    }

    /** The event names the new due time; the one it replaces is {@code fromDueAt}. */
    TaskRescheduled rescheduled(Instant newDueAt, String reason, String actor) {
        return new TaskRescheduled(taskId, dealId, pipelineId, assigneeId, title, newDueAt, kind, stageId, actor, dueAt,
                reason);
    }

    TaskOverdue overdue(String actor) {
        return new TaskOverdue(taskId, dealId, pipelineId, assigneeId, title, dueAt, kind, stageId, actor);
    }
}
