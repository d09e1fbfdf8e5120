package io.dealflow.handoff.handoff;

import io.dealflow.api.ProblemTypes;
import io.dealflow.api.id.DealId;
import io.dealflow.handoff.route.Route;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

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

    /** A won deal's handoff to the person its route picked, attempted as soon as the executor sees it. */
    static Handoff pending(DealId sourceDeal, Route route, String receiverId, HandoffRequest request, Instant wonAt,
                           Instant recordedAt) {
        return new Handoff(sourceDeal.value(), route.from(), route.to(), receiverId, request, HandoffStatus.PENDING,
                null, 0, 0, null, recordedAt, wonAt, recordedAt, null);
    }

    /**
     * A won deal's handoff whose route names nobody to receive it: kept as failed, never attempted by itself, until a
     * person fixes the route and retries (which picks a receiver then).
     */
    static Handoff withoutReceiver(DealId sourceDeal, Route route, HandoffRequest request, Instant wonAt,
                                   Instant recordedAt) {
        Map<String, Object> problem = Map.of("type", ProblemTypes.NO_RECEIVER, "detail", "Route " + route.name()
                + " names nobody to receive the deal: configure dealflow.handoff.routes or "
                + "dealflow.handoff.departments, then retry.");
        return new Handoff(sourceDeal.value(), route.from(), route.to(), "", request, HandoffStatus.FAILED, null, 0, 0,
                problem, null, wonAt, recordedAt, null);
    }

    /**
     * The id of the deal this handoff opens, derived from the source deal and the route (a name-based UUID): every
     * attempt, automatic or a person's, asks deal-service for the same deal, and the event store lets it be opened
     * once. A handoff that opened its deal under a random id before ids were derived keeps that one.
     */
    public String dealIdToOpen() {
        return targetDealId != null ? targetDealId : derivedDealId(sourceDealId, toPipelineId);
    }

    static String derivedDealId(String sourceDealId, String toPipelineId) {
        return UUID.nameUUIDFromBytes(("dealflow:handoff:" + sourceDealId + "->" + toPipelineId)
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Nobody was named to receive the deal when it was won; a person's retry picks a receiver again. */
    public boolean hasNoReceiver() {
        return receiverId == null || receiverId.isBlank();
    }

    /**
     * The key of the attachments' calls. deal-service replays a refusal for a used key, so a person's retry after
     * fixing the cause uses the next generation of the key; the attachments already on the deal are not sent again.
     */
    public String idempotencyKey() {
        return "handoff:" + sourceDealId + ":" + toPipelineId + (manualRetries == 0 ? "" : ":retry-" + manualRetries);
    }
}
