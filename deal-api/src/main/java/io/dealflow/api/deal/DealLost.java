package io.dealflow.api.deal;

/** R3: a lost deal names a reason from the pipeline's closed list, a free-text comment, and the stage it was lost at. */
public record DealLost(String dealId, String pipelineId, int pipelineVersion, String actor, String stageId,
                       String managerId, String reasonCode, String comment) implements DealEvent {
}
