package io.dealflow.api.task;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** The assignee did the task. */
public record TaskCompleted(String taskId, String dealId, String pipelineId, String assigneeId, String title, Instant dueAt,
                 TaskKind kind, @JsonInclude(JsonInclude.Include.NON_NULL) String stageId, String actor)
        implements TaskEvent {
}
