package io.dealflow.api.task;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** The task passed its due time while open; published once per due time (R5). */
public record TaskOverdue(String taskId, String dealId, String pipelineId, String assigneeId, String title, Instant dueAt,
                 TaskKind kind, @JsonInclude(JsonInclude.Include.NON_NULL) String stageId, String actor)
        implements TaskEvent {
}
