package io.dealflow.api.task;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** The due time moved from {@code fromDueAt} to {@code dueAt}; every reschedule is counted per task and manager. */
public record TaskRescheduled(String taskId, String dealId, String pipelineId, String assigneeId, String title,
                              Instant dueAt, TaskKind kind,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String stageId, String actor,
                              Instant fromDueAt, String reason) implements TaskEvent {
}
