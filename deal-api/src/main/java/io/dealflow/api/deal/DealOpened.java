package io.dealflow.api.deal;

import com.fasterxml.jackson.annotation.JsonInclude;

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
}
