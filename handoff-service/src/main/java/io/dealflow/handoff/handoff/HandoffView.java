package io.dealflow.handoff.handoff;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.Map;

/** A handoff as the REST API shows it: the source deal, the deal it became, and how it went. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HandoffView(String sourceDealId, String fromPipelineId, String toPipelineId, String receiverId,
                          HandoffStatus status, String targetDealId, int attempts, Map<String, Object> problem,
                          Instant nextAttemptAt, Instant wonAt, Instant createdAt, Instant completedAt) {

    static HandoffView of(Handoff handoff) {
        return new HandoffView(handoff.sourceDealId(), handoff.fromPipelineId(), handoff.toPipelineId(),
                handoff.receiverId(), handoff.status(), handoff.targetDealId(), handoff.attempts(),
                handoff.problem(), handoff.nextAttemptAt(), handoff.wonAt(), handoff.createdAt(),
                handoff.completedAt());
    }
}
