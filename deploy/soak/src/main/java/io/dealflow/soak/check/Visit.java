package io.dealflow.soak.check;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.dealflow.soak.observe.DealEventRecord;

/**
 * A deal's stay in a stage as docs/analytics.md defines it ("Visits"), recomputed from the deal events: it starts
 * with the opening or a move into the stage, ends with the next move ({@code FORWARD}/{@code BACKWARD}), the win or
 * the loss; its manager is the one the ending event names, or the deal's current manager while it is open.
 */
public record Visit(String dealId, int number, String pipelineId, int pipelineVersion, String stageId,
                    Instant enteredAt, Instant exitedAt, String exitKind, String managerId, String lossReason) {

    public boolean open() {
        return exitedAt == null;
    }

    /** Every visit of every deal, from each deal's events applied once, in sequence order. */
    public static List<Visit> of(List<DealEventRecord> events) {
        Map<String, List<DealEventRecord>> byDeal = events.stream().collect(Collectors.groupingBy(
                DealEventRecord::dealId));
        List<Visit> visits = new ArrayList<>();
        byDeal.values().forEach(deal -> visits.addAll(ofDeal(deal.stream()
                .sorted(Comparator.comparingLong(DealEventRecord::sequence)).toList())));
        return visits;
    }

    private static List<Visit> ofDeal(List<DealEventRecord> events) {
        List<Visit> visits = new ArrayList<>();
        Visit current = null;
        String manager = null;
        for (DealEventRecord event : events) {
            switch (event.type()) {
                case "DealOpened" -> {
                    manager = event.managerId();
                    current = enter(event, 1);
                }
                case "DealStageChanged" -> {
                    if (current != null) {
                        visits.add(current.exit(event, event.direction(), null));
                    }
                    manager = event.managerId();
                    current = enter(event, visits.size() + 1);
                }
                case "DealWon", "DealLost" -> {
                    if (current != null) {
                        boolean won = "DealWon".equals(event.type());
                        visits.add(current.exit(event, won ? "WON" : "LOST", won ? null : event.reasonCode()));
                        current = null;
                    }
                }
                case "DealManagerReassigned" -> manager = event.managerId();
                default -> {
                    // fields, tags and documents change no figure
                }
            }
        }
        if (current != null) {
            visits.add(current.withManager(manager));
        }
        return visits;
    }

    private static Visit enter(DealEventRecord event, int number) {
        return new Visit(event.dealId(), number, event.pipelineId(), event.pipelineVersion(), event.stageId(),
                event.occurredAt(), null, null, event.managerId(), null);
    }

    private Visit exit(DealEventRecord event, String kind, String reason) {
        return new Visit(dealId, number, pipelineId, pipelineVersion, stageId, enteredAt, event.occurredAt(), kind,
                event.managerId(), reason);
    }

    private Visit withManager(String manager) {
        return new Visit(dealId, number, pipelineId, pipelineVersion, stageId, enteredAt, exitedAt, exitKind, manager,
                lossReason);
    }
}
