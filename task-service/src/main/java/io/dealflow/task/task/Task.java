package io.dealflow.task.task;

import io.dealflow.api.task.CancelCause;
import io.dealflow.api.task.TaskKind;

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
}
