package io.dealflow.api.id;

/** A follow-up task's id. */
public record TaskId(String value) {

    public TaskId {
        Ids.requireNonBlank(value, "taskId");
    }

    public static TaskId of(String value) {
        return new TaskId(value);
    }

    /** The plain id, as it is written on the wire and in messages. */
    @Override
    public String toString() {
        return value;
    }
}
