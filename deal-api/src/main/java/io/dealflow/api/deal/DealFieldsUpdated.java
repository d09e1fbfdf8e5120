package io.dealflow.api.deal;

import java.util.Map;

/** The changed field values only; a {@code null} value means the field was cleared. */
public record DealFieldsUpdated(String dealId, String pipelineId, int pipelineVersion, String actor,
                                Map<String, String> fields) implements DealEvent {

    public DealFieldsUpdated {
        fields = Maps.immutableCopy(fields);
    }

    public static DealFieldsUpdated of(DealStamp stamp, Map<String, String> fields) {
        return new DealFieldsUpdated(stamp.deal().value(), stamp.pipeline().value(), stamp.pipelineVersion(),
                stamp.actor(), fields);
    }
}
