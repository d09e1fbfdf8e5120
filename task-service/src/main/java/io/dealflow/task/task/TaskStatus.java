package io.dealflow.task.task;

/** A task is OPEN until done or cancelled; "overdue" is an open task past its due time, not a status of its own. */
public enum TaskStatus {
    OPEN,
    DONE,
    CANCELLED
}
