package io.dealflow.deal.pipeline.command;

import io.dealflow.api.pipeline.BackwardMode;
import io.dealflow.api.pipeline.LossReason;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.SkipMode;
import io.dealflow.api.pipeline.StageDefinition;

import java.time.Duration;
import java.util.List;

/** What a client (or a seed file) asks a pipeline to be; the aggregate assigns its id and version. */
public record PipelineDefinition(String name, String department, SkipMode skipMode, BackwardMode backwardMode,
                                 String handoffTo, Duration staleAfter, List<StageDefinition> stages,
                                 List<LossReason> lossReasons) {

    public PipelineDefinition {
        stages = stages == null ? List.of() : List.copyOf(stages);
        lossReasons = lossReasons == null ? List.of() : List.copyOf(lossReasons);
    }

    PipelineDefined asVersion(String pipelineId, int version, String actor) {
        return new PipelineDefined(pipelineId, version, name, department, skipMode, backwardMode, handoffTo,
                staleAfter, stages, lossReasons, actor);
    }

    static PipelineDefinition of(PipelineDefined defined) {
        return new PipelineDefinition(defined.name(), defined.department(), defined.skipMode(),
                defined.backwardMode(), defined.handoffTo(), defined.staleAfter(), defined.stages(),
                defined.lossReasons());
    }
}
