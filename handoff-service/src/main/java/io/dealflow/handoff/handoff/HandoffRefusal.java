package io.dealflow.handoff.handoff;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.refusal.Refusal;
import io.dealflow.platform.refusal.RefusalProperties;

import java.util.Map;

/** Every way a handoff request is refused, one record per rule; statuses are {@code HandoffServiceProblems}'. */
public sealed interface HandoffRefusal extends Refusal {

    record HandoffNotFound(String sourceDealId) implements HandoffRefusal {
        @Override
        public String type() {
            return ProblemTypes.HANDOFF_NOT_FOUND;
        }

        @Override
        public String detail() {
            return "No handoff for deal " + sourceDealId
                    + " (it was not won, its pipeline has no route, or its DealWon has not been consumed yet).";
        }
    }

    /** Only a failed handoff is retried: one under way or done would open the deal twice or not at all. */
    record HandoffNotFailed(String sourceDealId, HandoffStatus status) implements HandoffRefusal {
        @Override
        public String type() {
            return ProblemTypes.HANDOFF_NOT_FAILED;
        }

        @Override
        public String detail() {
            return "The handoff of deal " + sourceDealId + " is " + status + "; only a failed one is retried.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("handoffStatus", status.name());
        }
    }

    /** R7: a retry needs somebody to receive the deal, or it would fail again the same way. */
    record NoReceiver(String fromPipelineId, String toPipelineId) implements HandoffRefusal {
        @Override
        public String type() {
            return ProblemTypes.NO_RECEIVER;
        }

        @Override
        public String detail() {
            return "The route from " + fromPipelineId + " to " + toPipelineId + " still names nobody to receive the "
                    + "deal: configure dealflow.handoff.routes or the target department's members "
                    + "(dealflow.handoff.departments), or move the target pipeline to a department that has members, "
                    + "then retry.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("fromPipelineId", fromPipelineId, "toPipelineId", toPipelineId);
        }
    }
}
