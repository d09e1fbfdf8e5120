package io.dealflow.soak.check;

/** A task as task-service stores it, as far as the checks care. */
public record TaskRow(String taskId, String dealId, String stageId, String kind, String status) {

    public boolean open() {
        return "OPEN".equals(status);
    }

    /** A follow-up task (R4): a stage's own or a manual one; control tasks of department heads do not count. */
    public boolean followUp() {
        return "STAGE".equals(kind) || "MANUAL".equals(kind);
    }

    public boolean stageTask() {
        return "STAGE".equals(kind);
    }
}
