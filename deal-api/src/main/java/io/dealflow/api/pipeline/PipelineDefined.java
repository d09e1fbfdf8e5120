package io.dealflow.api.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * A pipeline's whole definition at one version (R10). Published on {@code dealflow.pipeline-events.v1} keyed
 * {@code pipelineId:version}, so every service keeps its own catalogue of every version and never asks
 * deal-service for it.
 *
 * @param handoffTo  the pipeline a won deal continues in (R7), or null
 * @param staleAfter how long a follow-up task may stay overdue before the deal is lost as {@code stale} (R5), or null
 */
public record PipelineDefined(String pipelineId, int version, String name, String department, SkipMode skipMode,
                              BackwardMode backwardMode, String handoffTo, Duration staleAfter,
                              List<StageDefinition> stages, List<LossReason> lossReasons, String actor) {

    public PipelineDefined {
        stages = stages == null ? List.of() : List.copyOf(stages);
        lossReasons = lossReasons == null ? List.of() : List.copyOf(lossReasons);
    }
}
