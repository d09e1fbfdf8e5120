package io.dealflow.api.deal;

public record DealUntagged(String dealId, String pipelineId, int pipelineVersion, String actor, String tag)
        implements DealEvent {

    public static DealUntagged of(DealStamp stamp, String tag) {
        return new DealUntagged(stamp.deal().value(), stamp.pipeline().value(), stamp.pipelineVersion(), stamp.actor(),
                tag);
    }
}
