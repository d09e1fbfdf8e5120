package io.dealflow.api.deal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dealflow.api.id.PersonId;
import io.dealflow.api.id.StageId;

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

    /** @param reason required by the rules for a skip or a backward move; null otherwise */
    public static DealStageChanged of(DealStamp stamp, StageId from, StageId to, Direction direction,
                                      List<StageId> skipped, String reason, PersonId manager) {
        return new DealStageChanged(stamp.deal().value(), stamp.pipeline().value(), stamp.pipelineVersion(),
                stamp.actor(), from.value(), to.value(), direction, skipped.stream().map(StageId::value).toList(),
                reason, manager.value());
    }
}
