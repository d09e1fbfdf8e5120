package io.dealflow.deal.deal.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the History representation (DESIGN §4).
 *
 * @param clientId the OAuth client that sent the request; absent for automatic actions and for events stored
 *                 before clients were recorded
 * @param imported true for an event of a history imported from another CRM; absent for live events
 */
public record HistoryEntry(long sequence, String type, Instant occurredAt, String actor,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String clientId, int pipelineVersion,
                           Map<String, Object> data,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Boolean imported) {
}
