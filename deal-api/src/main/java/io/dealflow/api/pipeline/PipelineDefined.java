package io.dealflow.api.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** Position of the stage in the pipeline's order, or -1 when this version has no such stage. */
    public int indexOf(String stageId) {
        for (int i = 0; i < stages.size(); i++) {
            if (stages.get(i).id().equals(stageId)) {
                return i;
            }
        }
        return -1;
    }

    /** The stage of this version with that id, if it has one. */
    public Optional<StageDefinition> stage(String stageId) {
        int index = indexOf(stageId);
        return index < 0 ? Optional.empty() : Optional.of(stages.get(index));
    }
}
