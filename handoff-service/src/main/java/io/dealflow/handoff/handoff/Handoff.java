package io.dealflow.handoff.handoff;

import java.time.Instant;
import java.util.Map;

/**
 * The record linking a won deal to the deal it became in the next department's pipeline.
 *
 * @param problem        the last failure's problem detail (status, type, detail), kept after success for the record
 * @param nextAttemptAt  when the executor tries (again); null when nothing is scheduled
 */
public record Handoff(String sourceDealId, String fromPipelineId, String toPipelineId, String receiverId,
                      HandoffRequest request, HandoffStatus status, String targetDealId, int attempts,
                      int manualRetries,
                      Map<String, Object> problem, Instant nextAttemptAt, Instant wonAt, Instant createdAt,
                      Instant completedAt) {

    /**
     * Same source deal and route, same key: deal-service answers an automatic retry with the deal it opened the first
     * time. deal-service also replays a refusal for a used key, so a person's retry after fixing the cause uses the
     * next generation of the key; a refused request opened nothing, so a new key cannot open a second deal.
     */
    public String idempotencyKey() {
        return "handoff:" + sourceDealId + ":" + toPipelineId + (manualRetries == 0 ? "" : ":retry-" + manualRetries);
    }
}
