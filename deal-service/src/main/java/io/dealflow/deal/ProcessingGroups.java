package io.dealflow.deal;

/** Axon processing groups of deal-service; their modes and segment counts are set in application.yml. */
public final class ProcessingGroups {

    /** Subscribing: the catalogue is written in the command's own transaction, so a defined pipeline is usable at once. */
    public static final String PIPELINE_CATALOG = "pipeline-catalog";

    /**
     * Subscribing: the board read model, written in the command's own transaction, so the command's answer and
     * every read after it show the command's effect (read-your-writes) and board and event store never disagree.
     */
    public static final String DEAL_BOARD = "deal-board";

    /** Tracking: publishes every stored event to Kafka; its token advances only after the broker's ack. */
    public static final String KAFKA_PUBLISHER = "kafka-publisher";

    /** Subscribing: business counters for Prometheus, counted once as events are stored, never on replay. */
    public static final String DEAL_METRICS = "deal-metrics";

    private ProcessingGroups() {
    }
}
