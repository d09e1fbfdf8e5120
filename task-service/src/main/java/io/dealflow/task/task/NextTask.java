package io.dealflow.task.task;

import java.time.Instant;

/** The task named when completing one: what happens next with the client, and when. */
public record NextTask(String title, Instant dueAt, String assigneeId) {
}
