package io.dealflow.soak.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.dealflow.soak.observe.DealEventRecord;

/**
 * DESIGN §9 and R7, "every won deal in a routed pipeline has exactly one deal in the next pipeline": one
 * {@code DealOpened} names it as its origin, in the pipeline its route names; no deal is handed off that was not won.
 *
 * @see #check(History, Map) {@code routes}: pipeline id to the pipeline its {@code handoffTo} names
 */
public final class HandoffCheck {

    static final String NAME = "handoffs";

    public List<Finding> check(History history, Map<String, String> routes) {
        Map<String, List<DealEventRecord>> openedFrom = new HashMap<>();
        Map<String, DealEventRecord> won = new HashMap<>();
        for (DealEventRecord event : history.all()) {
            if ("DealOpened".equals(event.type()) && event.originDealId() != null) {
                openedFrom.computeIfAbsent(event.originDealId(), origin -> new ArrayList<>()).add(event);
            }
            if ("DealWon".equals(event.type()) && routes.containsKey(event.pipelineId())) {
                won.put(event.dealId(), event);
            }
        }
        List<Finding> findings = new ArrayList<>();
        won.forEach((dealId, event) -> {
            List<DealEventRecord> next = openedFrom.getOrDefault(dealId, List.of());
            String target = routes.get(event.pipelineId());
            if (next.size() != 1) {
                findings.add(new Finding(NAME, next.isEmpty() ? "missing" : "duplicated", dealId, "won in "
                        + event.pipelineId() + ", handed off to " + next.size() + " deals in " + target + ": "
                        + next.stream().map(DealEventRecord::dealId).toList()));
            } else if (!target.equals(next.get(0).pipelineId())) {
                findings.add(new Finding(NAME, "differs", dealId, "won in " + event.pipelineId()
                        + ", handed off to pipeline " + next.get(0).pipelineId() + " instead of " + target));
            }
        });
        openedFrom.forEach((origin, next) -> {
            if (!won.containsKey(origin)) {
                findings.add(new Finding(NAME, "duplicated", origin, "handed off to "
                        + next.stream().map(DealEventRecord::dealId).toList() + " without being won in a routed"
                        + " pipeline"));
            }
        });
        return findings;
    }
}
