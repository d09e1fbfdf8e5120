package io.dealflow.deal.pipeline.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dealflow.api.pipeline.BackwardMode;
import io.dealflow.api.pipeline.LossReason;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.SkipMode;
import io.dealflow.api.pipeline.StageDefinition;

import java.time.Duration;
import java.util.List;

/** The Pipeline representation of DESIGN §4. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PipelineView(String id, int version, String name, String department, SkipMode skipMode,
                           BackwardMode backwardMode, String handoffTo, Duration staleAfter,
                           List<StageDefinition> stages, List<LossReason> lossReasons) {

    static PipelineView of(PipelineDefined defined) {
        return new PipelineView(defined.pipelineId(), defined.version(), defined.name(), defined.department(),
                defined.skipMode(), defined.backwardMode(), defined.handoffTo(), defined.staleAfter(),
                defined.stages(), defined.lossReasons());
    }
}
