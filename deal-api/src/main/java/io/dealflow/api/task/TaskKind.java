package io.dealflow.api.task;

public enum TaskKind {
    /** Opened automatically from the stage's follow-up task template when a deal enters the stage (R4). */
    STAGE,
    /** Created by a person, e.g. the next task named when completing one. */
    MANUAL,
    /** Opened for the department head when a manager's task went overdue (R5). */
    CONTROL
}
