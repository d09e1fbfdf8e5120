package io.dealflow.api.task;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.time.Instant;

/**
 * Every fact about a follow-up task, published by task-service on {@code dealflow.task-events.v1} keyed by deal id.
 * The {@code type} names are part of the published contract: a changed shape is a new type, never an edit.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = TaskOpened.class, name = "TaskOpened"),
        @JsonSubTypes.Type(value = TaskRescheduled.class, name = "TaskRescheduled"),
        @JsonSubTypes.Type(value = TaskCompleted.class, name = "TaskCompleted"),
        @JsonSubTypes.Type(value = TaskOverdue.class, name = "TaskOverdue"),
        @JsonSubTypes.Type(value = TaskCancelled.class, name = "TaskCancelled")
})
public sealed interface TaskEvent permits TaskOpened, TaskRescheduled, TaskCompleted, TaskOverdue, TaskCancelled {

    String taskId();

    String dealId();

    String pipelineId();

    String assigneeId();

    String title();

    Instant dueAt();

    TaskKind kind();

    /** The stage whose follow-up this is; null for tasks not bound to a stage. */
    String stageId();

    /** Who caused the change: a user id, or {@code system:task-service}. */
    String actor();

    default String eventType() {
        return getClass().getSimpleName();
    }
}
