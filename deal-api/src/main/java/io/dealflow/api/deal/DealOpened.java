package io.dealflow.api.deal;

import com.fasterxml.jackson.annotation.JsonInclude;
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

    /**
     * The origin's ids stay as the opening request gave them (null when the deal was not handed off): deal-service
     * does not refuse a blank one, so it is no id this side could name.
     */
    public static DealOpened of(DealStamp stamp, String title, PersonId manager, StageId firstStage,
                                Map<String, String> fields, List<String> tags, String externalRef,
                                String originDealId, String originManagerId) {
        return new DealOpened(stamp.deal().value(), stamp.pipeline().value(), stamp.pipelineVersion(), stamp.actor(),
                title, manager.value(), firstStage.value(), fields, tags, externalRef, originDealId, originManagerId);
    }
}
