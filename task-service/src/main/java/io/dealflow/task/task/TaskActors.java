package io.dealflow.task.task;

import io.dealflow.platform.security.Actor;

/** Actors of what task-service does by itself. */
public final class TaskActors {

    /** Opening stage tasks, detecting overdue ones, escalating: no client's request caused these. */
    public static final Actor SYSTEM = Actor.system("system:task-service");

    private TaskActors() {
    }
}
