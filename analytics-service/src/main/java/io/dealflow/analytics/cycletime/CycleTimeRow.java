package io.dealflow.analytics.cycletime;

import java.time.Instant;
import java.util.List;

/**
 * One handoff lineage that has reached its outcome: from the opening of the first deal (in {@code pipelineId})
 * to the won or lost of the last deal handed on from it. {@code pipelines} lists the lineage in order.
 */
public record CycleTimeRow(String pipelineId, String originDealId, String lastDealId, String managerId,
                           List<String> pipelines, Instant openedAt, Instant closedAt, String outcome,
                           long seconds) {
}
