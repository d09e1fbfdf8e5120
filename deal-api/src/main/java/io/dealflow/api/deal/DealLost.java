package io.dealflow.api.deal;

import io.dealflow.api.id.PersonId;
import io.dealflow.api.id.StageId;

/** R3: a lost deal names a reason from the pipeline's closed list, a free-text comment, and the stage it was lost at. */
public record DealLost(String dealId, String pipelineId, int pipelineVersion, String actor, String stageId,
                       String managerId, String reasonCode, String comment) implements DealEvent {

    public static DealLost of(DealStamp stamp, StageId atStage, PersonId manager, String reasonCode,
                              String comment) {
        return new DealLost(stamp.deal().value(), stamp.pipeline().value(), stamp.pipelineVersion(), stamp.actor(),
                atStage.value(), manager.value(), reasonCode, comment);
    }
}
