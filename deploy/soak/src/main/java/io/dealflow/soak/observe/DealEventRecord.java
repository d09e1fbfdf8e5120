package io.dealflow.soak.observe;

import java.time.Instant;

/**
 * One deal event as the soak reads it, from the topic or the event store: the envelope and the fields the checks
 * and the analytics recomputation need. {@code stageId} is the stage the event leaves the deal in (the opening
 * stage, a move's target, the stage won or lost in).
 */
public record DealEventRecord(String dealId, long sequence, String type, String pipelineId, int pipelineVersion,
                              String stageId, String direction, String managerId, String reasonCode,
                              String externalRef, String originDealId, Instant occurredAt) {

    public static DealEventRecord of(String dealId, long sequence, String type) {
        return new DealEventRecord(dealId, sequence, type, null, 0, null, null, null, null, null, null, null);
    }

    public boolean entersStage() {
        return "DealOpened".equals(type) || "DealStageChanged".equals(type);
    }

    public boolean closes() {
        return "DealWon".equals(type) || "DealLost".equals(type);
    }
}
