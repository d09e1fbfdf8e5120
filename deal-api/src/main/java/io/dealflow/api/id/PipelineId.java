package io.dealflow.api.id;

/** A pipeline's id; its versions share it. */
public record PipelineId(String value) {

    public PipelineId {
        Ids.requireNonBlank(value, "pipelineId");
    }

    public static PipelineId of(String value) {
        return new PipelineId(value);
    }

    /** The plain id, as it is written on the wire and in messages. */
    @Override
    public String toString() {
        return value;
    }
}
