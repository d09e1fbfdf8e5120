package io.dealflow.api.id;

/** A stage's id, unique within its pipeline. */
public record StageId(String value) {

    public StageId {
        Ids.requireNonBlank(value, "stageId");
    }

    public static StageId of(String value) {
        return new StageId(value);
    }

    /** The plain id, as it is written on the wire and in messages. */
    @Override
    public String toString() {
        return value;
    }
}
