package io.dealflow.task.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dealflow.api.task.CancelCause;
import io.dealflow.api.task.TaskKind;
import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskStatus;

import java.time.Instant;

/** A task as the REST API shows it; {@code overdue} is an open task past its due time. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaskView(String id, String dealId, String pipelineId, String stageId, TaskKind kind, String title,
                       String assigneeId, Instant dueAt, TaskStatus status, boolean overdue, Instant overdueSince,
                       int rescheduleCount, Instant createdAt, Instant closedAt, CancelCause cancelCause) {

    public static TaskView of(Task task) {
        return new TaskView(task.taskId(), task.dealId(), task.pipelineId(), task.stageId(), task.kind(),
                task.title(), task.assigneeId(), task.dueAt(), task.status(),
                task.isOpen() && task.overdueAt() != null, task.overdueAt(), task.rescheduleCount(),
                task.createdAt(), task.closedAt(), task.cancelCause());
    }
}
