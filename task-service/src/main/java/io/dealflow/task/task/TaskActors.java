package io.dealflow.task.task;

/** Actors of what task-service does by itself. */
public final class TaskActors {

    /** Opening stage tasks, detecting overdue ones, escalating, closing stale deals. */
    public static final String SYSTEM = "system:task-service";

    private TaskActors() {
    }
}
