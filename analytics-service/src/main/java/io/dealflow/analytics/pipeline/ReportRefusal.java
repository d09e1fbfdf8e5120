package io.dealflow.analytics.pipeline;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.refusal.Refusal;

/** Every way a report request is refused, one record per rule; statuses are {@code AnalyticsServiceProblems}'. */
public sealed interface ReportRefusal extends Refusal {

    /**
     * A pipeline no PipelineDefined named, as far as analytics has consumed them: a mistyped id, or one defined so
     * recently that its definition has not arrived yet.
     */
    record PipelineUnknown(String pipelineId) implements ReportRefusal {
        @Override
        public String type() {
            return ProblemTypes.PIPELINE_NOT_FOUND;
        }

        @Override
        public String detail() {
            return "No pipeline '" + pipelineId + "' is known to analytics; check the id.";
        }
    }
}
