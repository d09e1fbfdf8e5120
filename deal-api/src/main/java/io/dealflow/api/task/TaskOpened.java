package io.dealflow.api.task;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** A task was opened for its assignee. */
public record TaskOpened(String taskId, String dealId, String pipelineId, String assigneeId, String title, Instant dueAt,
                 TaskKind kind, @JsonInclude(JsonInclude.Include.NON_NULL) String stageId, String actor)
        implements TaskEvent {
}
