package io.dealflow.soak.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DESIGN §9, "analytics equal a recomputation from the topics": conversion, loss reasons and the funnel of a
 * pipeline as analytics-service answers them, row for row, against {@link Reports#recompute} over the first copy of
 * every event on the deal topic. A row only one side has, or with other figures, is a finding: an event applied
 * twice counts a deal twice, one never applied leaves it out.
 */
public final class AnalyticsCheck {

    static final String NAME = "analytics";

    public List<Finding> check(String pipelineId, Reports recomputed, Reports answered) {
        List<Finding> findings = new ArrayList<>();
        compare(pipelineId, "conversion", recomputed.conversion(), answered.conversion(), findings);
        compare(pipelineId, "loss-reasons", recomputed.lossReasons(), answered.lossReasons(), findings);
        compare(pipelineId, "funnel", recomputed.funnel(), answered.funnel(), findings);
        return findings;
    }

    private static <T> void compare(String pipelineId, String report, Set<T> recomputed, Set<T> answered,
                                    List<Finding> findings) {
        Set<T> onlyRecomputed = new HashSet<>(recomputed);
        onlyRecomputed.removeAll(answered);
        Set<T> onlyAnswered = new HashSet<>(answered);
        onlyAnswered.removeAll(recomputed);
        onlyRecomputed.forEach(row -> findings.add(new Finding(NAME, "differs", pipelineId + " " + report,
                "the topic gives " + row + ", analytics-service does not answer it")));
        onlyAnswered.forEach(row -> findings.add(new Finding(NAME, "differs", pipelineId + " " + report,
                "analytics-service answers " + row + ", the topic does not give it")));
    }
}
