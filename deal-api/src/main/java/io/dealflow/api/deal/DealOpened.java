package io.dealflow.api.deal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dealflow.api.id.DealId;
import io.dealflow.api.id.PersonId;
import io.dealflow.api.id.StageId;

import java.util.List;
import java.util.Map;

/**
 * A deal entered its pipeline's first stage. {@code originDealId}/{@code originManagerId} are set when the deal was
 * handed off from another department's pipeline (R7), so the originating manager keeps the credit.
 */
public record DealOpened(String dealId, String pipelineId, int pipelineVersion, String actor, String title,
                         String managerId, String stageId, Map<String, String> fields, List<String> tags,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String externalRef,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String originDealId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String originManagerId) implements DealEvent {

    public DealOpened {
        fields = Maps.immutableCopy(fields);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** @param originDeal the deal it was handed off from (R7), with {@code originManager}; both null otherwise */
    public static DealOpened of(DealStamp stamp, String title, PersonId manager, StageId firstStage,
                                Map<String, String> fields, List<String> tags, String externalRef, DealId originDeal,
                                PersonId originManager) {
        return new DealOpened(stamp.deal().value(), stamp.pipeline().value(), stamp.pipelineVersion(), stamp.actor(),
                title, manager.value(), firstStage.value(), fields, tags, externalRef,
                originDeal == null ? null : originDeal.value(), originManager == null ? null : originManager.value());
    }
}
