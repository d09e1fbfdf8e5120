package io.dealflow.api.deal;

/** R11: special cases are tags, not stages. */
public record DealTagged(String dealId, String pipelineId, int pipelineVersion, String actor, String tag)
        implements DealEvent {

    public static DealTagged of(DealStamp stamp, String tag) {
        return new DealTagged(stamp.deal().value(), stamp.pipeline().value(), stamp.pipelineVersion(), stamp.actor(),
                tag);
    }
}
