package io.dealflow.deal.pipeline.command;

import io.dealflow.api.FieldNames;
import io.dealflow.api.pipeline.LossReason;
import io.dealflow.api.pipeline.StageDefinition;
import io.dealflow.api.pipeline.TaskTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What makes a pipeline definition acceptable. R3: no "client is thinking" dump stages, so every stage carries a
 * follow-up task; R6: every stage has an SLA; a closed, non-empty list of loss reasons.
 */
final class PipelineDefinitionRules {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]{0,63}");
    static final int MAX_STAGES = 30;
    static final int MAX_LOSS_REASONS = 50;
    static final int MAX_TEXT = 200;

    private final List<DefinitionViolation> violations = new ArrayList<>();

    private PipelineDefinitionRules() {
    }

    static List<DefinitionViolation> check(String pipelineId, PipelineDefinition definition) {
        PipelineDefinitionRules rules = new PipelineDefinitionRules();
        rules.checkPipeline(pipelineId, definition);
        return List.copyOf(rules.violations);
    }

    private void checkPipeline(String pipelineId, PipelineDefinition definition) {
        require(pipelineId != null && ID.matcher(pipelineId).matches(), "id",
                "must be 1-64 characters: lower-case letters, digits and '-', starting with a letter");
        requireText(definition.name(), "name");
        requireText(definition.department(), "department");
        require(definition.skipMode() != null, "skipMode", "must be STRICT or ALLOW_WITH_REASON");
        require(definition.backwardMode() != null, "backwardMode", "must be FORBIDDEN or ALLOW_WITH_REASON");
        if (definition.handoffTo() != null) {
            require(ID.matcher(definition.handoffTo()).matches(), "handoffTo", "must be a pipeline id");
            require(!definition.handoffTo().equals(pipelineId), "handoffTo", "must name another pipeline");
        }
        if (definition.staleAfter() != null) {
            requirePositive(definition.staleAfter(), "staleAfter");
        }
        checkStages(definition.stages());
        checkLossReasons(definition.lossReasons(), definition.staleAfter() != null);
    }

    private void checkStages(List<StageDefinition> stages) {
        require(!stages.isEmpty(), "stages", "a pipeline needs at least one stage");
        require(stages.size() <= MAX_STAGES, "stages", "at most " + MAX_STAGES + " stages");
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < stages.size(); i++) {
            StageDefinition stage = stages.get(i);
            String at = "stages[" + i + "]";
            if (stage == null) {
                violations.add(new DefinitionViolation(at, "must not be null"));
                continue;
            }
            boolean validId = stage.id() != null && ID.matcher(stage.id()).matches();
            require(validId, at + ".id", "must be 1-64 characters: lower-case letters, digits and '-'");
            require(!validId || ids.add(stage.id()), at + ".id", "duplicate stage id '" + stage.id() + "'");
            requireText(stage.name(), at + ".name");
            stage.requiredFields().forEach(field -> requireFieldName(field, at + ".requiredFields"));
            for (List<String> group : stage.requiredOneOf()) {
                require(group.size() >= 2, at + ".requiredOneOf", "each group names at least two fields");
                group.forEach(field -> requireFieldName(field, at + ".requiredOneOf"));
            }
            if (stage.sla() == null) {
                violations.add(new DefinitionViolation(at + ".sla",
                        "every stage needs an SLA (ISO-8601 duration, e.g. P2D) so stuck deals can be seen"));
            } else {
                requirePositive(stage.sla(), at + ".sla");
            }
            checkTask(stage.task(), at + ".task");
        }
    }

    private void checkTask(TaskTemplate task, String at) {
        if (task == null) {
            violations.add(new DefinitionViolation(at, "every stage needs a follow-up task template {title, dueIn}: "
                    + "a stage without a next action is a dump stage"));
            return;
        }
        requireText(task.title(), at + ".title");
        if (task.dueIn() == null) {
            violations.add(new DefinitionViolation(at + ".dueIn", "must be an ISO-8601 duration, e.g. PT4H"));
        } else {
            requirePositive(task.dueIn(), at + ".dueIn");
        }
    }

    private void checkLossReasons(List<LossReason> reasons, boolean staleAfterSet) {
        require(!reasons.isEmpty(), "lossReasons", "a pipeline needs a closed, non-empty list of loss reasons");
        require(reasons.size() <= MAX_LOSS_REASONS, "lossReasons", "at most " + MAX_LOSS_REASONS + " loss reasons");
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < reasons.size(); i++) {
            LossReason reason = reasons.get(i);
            String at = "lossReasons[" + i + "]";
            if (reason == null) {
                violations.add(new DefinitionViolation(at, "must not be null"));
                continue;
            }
            boolean validCode = reason.code() != null && ID.matcher(reason.code()).matches();
            require(validCode, at + ".code", "must be 1-64 characters: lower-case letters, digits and '-'");
            require(!validCode || codes.add(reason.code()), at + ".code",
                    "duplicate loss reason '" + reason.code() + "'");
            requireText(reason.label(), at + ".label");
        }
        require(!staleAfterSet || codes.contains(LossReason.STALE), "lossReasons",
                "a pipeline with staleAfter must list the loss reason '" + LossReason.STALE + "'");
    }

    private void requireFieldName(String name, String at) {
        require(FieldNames.isValid(name), at, FieldNames.MESSAGE + ": '" + name + "'");
    }

    private void requireText(String value, String field) {
        require(value != null && !value.isBlank(), field, "must not be blank");
        require(value == null || value.length() <= MAX_TEXT, field, "at most " + MAX_TEXT + " characters");
    }

    private void requirePositive(Duration duration, String field) {
        require(!duration.isNegative() && !duration.isZero(), field, "must be a positive duration");
    }

    private void require(boolean condition, String field, String message) {
        if (!condition) {
            violations.add(new DefinitionViolation(field, message));
        }
    }
}
