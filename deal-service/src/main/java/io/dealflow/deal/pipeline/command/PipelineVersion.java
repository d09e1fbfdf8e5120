package io.dealflow.deal.pipeline.command;

import io.dealflow.api.pipeline.LossReason;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.StageDefinition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One immutable version of a pipeline, with the questions the deal rules ask of it. It answers; the {@code Deal}
 * aggregate decides.
 */
public record PipelineVersion(PipelineDefined definition) {

    public String id() {
        return definition.pipelineId();
    }

    public int version() {
        return definition.version();
    }

    public StageDefinition firstStage() {
        return definition.stages().get(0);
    }

    public StageDefinition lastStage() {
        return definition.stages().get(definition.stages().size() - 1);
    }

    public boolean hasStage(String stageId) {
        return indexOf(stageId) >= 0;
    }

    /** Position of the stage in the pipeline's order, or -1 when this version has no such stage. */
    public int indexOf(String stageId) {
        return definition.indexOf(stageId);
    }

    public List<String> stageIds() {
        return definition.stages().stream().map(StageDefinition::id).toList();
    }

    /** The stages strictly between two positions, in pipeline order: what a forward jump skips. */
    public List<String> stagesBetween(String fromStageId, String toStageId) {
        return stageIds().subList(indexOf(fromStageId) + 1, indexOf(toStageId));
    }

    public Optional<StageDefinition> nextStage(String stageId) {
        int next = indexOf(stageId) + 1;
        return next > 0 && next < definition.stages().size()
                ? Optional.of(definition.stages().get(next)) : Optional.empty();
    }

    /**
     * The stage's requirements that the given field values do not meet (R2): each missing required field by name,
     * and each unmet one-of group as {@code a|b}.
     */
    public List<String> missingFields(String stageId, Map<String, String> fields) {
        StageDefinition stage = definition.stages().get(indexOf(stageId));
        List<String> missing = new ArrayList<>();
        for (String required : stage.requiredFields()) {
            if (isBlank(fields.get(required))) {
                missing.add(required);
            }
        }
        for (List<String> group : stage.requiredOneOf()) {
            if (group.stream().allMatch(name -> isBlank(fields.get(name)))) {
                missing.add(String.join("|", group));
            }
        }
        return missing;
    }

    public boolean hasLossReason(String code) {
        return definition.lossReasons().stream().anyMatch(reason -> reason.code().equals(code));
    }

    public List<String> lossReasonCodes() {
        return definition.lossReasons().stream().map(LossReason::code).toList();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
