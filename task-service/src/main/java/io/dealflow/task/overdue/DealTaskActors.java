package io.dealflow.task.overdue;

final class DealTaskActors {

    /** The actor of what task-service does on its own: detection, escalation, closing stale deals. */
    static final String SYSTEM = "system:task-service";

    private DealTaskActors() {
    }
}
