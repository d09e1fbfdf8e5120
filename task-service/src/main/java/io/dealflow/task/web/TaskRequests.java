package io.dealflow.task.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.Instant;

/** Request bodies of the task API. */
final class TaskRequests {

    static final int TITLE = 200;
    static final int ID = 100;
    static final int REASON = 1000;

    private TaskRequests() {
    }

    record OpenTask(@NotBlank @Size(max = ID) String dealId, @NotBlank @Size(max = TITLE) String title,
                    @NotNull Instant dueAt, @Size(max = ID) String assigneeId) {
    }

    record NextTaskRequest(@NotBlank @Size(max = TITLE) String title, @NotNull Instant dueAt,
                           @Size(max = ID) String assigneeId) {
    }

    record Complete(@Valid NextTaskRequest nextTask) {
    }

    record Reschedule(@NotNull Instant dueAt, @NotBlank @Size(max = REASON) String reason) {
    }
}
