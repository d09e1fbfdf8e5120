package io.dealflow.api.deal;

public record DealUntagged(String dealId, String pipelineId, int pipelineVersion, String actor, String tag)
        implements DealEvent {
}
