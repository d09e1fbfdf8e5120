package io.dealflow.api.deal;

import io.dealflow.api.id.PersonId;

public record DealManagerReassigned(String dealId, String pipelineId, int pipelineVersion, String actor,
                                    String fromManagerId, String toManagerId) implements DealEvent {

    public static DealManagerReassigned of(DealStamp stamp, PersonId from, PersonId to) {
        return new DealManagerReassigned(stamp.deal().value(), stamp.pipeline().value(), stamp.pipelineVersion(),
                stamp.actor(), from.value(), to.value());
    }
}
