package io.dealflow.api.deal;

import io.dealflow.api.id.DealId;
import io.dealflow.api.id.PipelineId;

import java.util.Objects;

/**
 * What every event of a deal begins with (R10): the deal, the pipeline version it was judged under, and who caused
 * it. The events' factories take it whole, so a producer cannot put a pipeline's id where the deal's belongs. It is
 * not on the wire: the events keep their four plain components.
 */
public record DealStamp(DealId deal, PipelineId pipeline, int pipelineVersion, String actor) {

    public DealStamp {
        Objects.requireNonNull(deal, "deal");
        Objects.requireNonNull(pipeline, "pipeline");
    }
}
