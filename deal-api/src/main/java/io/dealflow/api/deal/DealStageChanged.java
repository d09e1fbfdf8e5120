package io.dealflow.api.deal;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * A deal moved between stages. {@code skippedStageIds} is non-empty only for a forward skip allowed with a reason
 * (R1); those stages were never passed and get no visit.
 */
public record DealStageChanged(String dealId, String pipelineId, int pipelineVersion, String actor,
                               String fromStageId, String toStageId, Direction direction,
                               List<String> skippedStageIds,
                               @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                               String managerId) implements DealEvent {

    public DealStageChanged {
        skippedStageIds = skippedStageIds == null ? List.of() : List.copyOf(skippedStageIds);
    }
}
