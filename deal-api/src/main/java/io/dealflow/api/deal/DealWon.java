package io.dealflow.api.deal;

public record DealWon(String dealId, String pipelineId, int pipelineVersion, String actor, String stageId,
                      String managerId) implements DealEvent {
}
