package io.dealflow.deal.pipeline.command;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.refusal.Refusal;
import io.dealflow.platform.refusal.RefusalProperties;

import java.util.List;
import java.util.Map;

/** Every way {@link Pipeline} refuses a definition, one record per rule; statuses are the web layer's. */
public sealed interface PipelineRefusal extends Refusal {

    /** R3, R6 and the shape of a definition ({@link PipelineDefinitionRules}): each broken rule is listed. */
    record DefinitionInvalid(List<DefinitionViolation> violations) implements PipelineRefusal {
        public DefinitionInvalid {
            violations = List.copyOf(violations);
        }

        @Override
        public String type() {
            return ProblemTypes.PIPELINE_DEFINITION_INVALID;
        }

        @Override
        public String detail() {
            return "The pipeline definition breaks " + violations.size() + " rule(s); see 'violations'.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("violations", violations);
        }
    }
}
