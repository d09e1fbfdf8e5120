package io.dealflow.api;

/** Kafka topic names of the published language. A changed contract is a new {@code .vN} topic, never an edit. */
public final class Topics {

    /** Every deal event, keyed by deal id so that one deal's events stay in order on one partition. */
    public static final String DEAL_EVENTS = "dealflow.deal-events.v1";

    /** Every task event, keyed by deal id. */
    public static final String TASK_EVENTS = "dealflow.task-events.v1";

    /**
     * One {@code PipelineDefined} per pipeline version, keyed by {@code pipelineId:version} on a single,
     * compacted partition: compaction never removes a version because every version has its own key.
     */
    public static final String PIPELINE_EVENTS = "dealflow.pipeline-events.v1";

    private Topics() {
    }

    public static String pipelineKey(String pipelineId, int version) {
        return pipelineId + ":" + version;
    }
}
