package io.dealflow.deal.deal.query;

import java.time.Instant;
import java.util.Map;

/** One entry of the History representation (DESIGN §4). */
public record HistoryEntry(long sequence, String type, Instant occurredAt, String actor, int pipelineVersion,
                           Map<String, Object> data) {
}
