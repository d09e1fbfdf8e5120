package io.dealflow.api.deal;

import io.dealflow.api.id.PersonId;
import io.dealflow.api.id.StageId;

public record DealWon(String dealId, String pipelineId, int pipelineVersion, String actor, String stageId,
                      String managerId) implements DealEvent {

    public static DealWon of(DealStamp stamp, StageId atStage, PersonId manager) {
        return new DealWon(stamp.deal().value(), stamp.pipeline().value(), stamp.pipelineVersion(), stamp.actor(),
                atStage.value(), manager.value());
    }
}
