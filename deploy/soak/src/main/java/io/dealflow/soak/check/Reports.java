package io.dealflow.soak.check;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Three analytics reports of one pipeline, over all time, recomputed from visits by the definitions of
 * docs/analytics.md ("Conversion", "Loss reasons", "Funnel"), in the same row shapes analytics-service answers.
 */
public record Reports(Set<ConversionRow> conversion, Set<LossRow> lossReasons, Set<FunnelRow> funnel) {

    /** A conversion row without {@code rate}, which is {@code advanced / entered}. */
    public record ConversionRow(String managerId, int pipelineVersion, String stageId, int entered, int advanced,
                                int lost, int stillThere) {
    }

    /** A loss-reasons row without {@code share}, which is the count over the stage's losses. */
    public record LossRow(int pipelineVersion, String stageId, String reasonCode, int count) {
    }

    /** A funnel row now (after the traffic, now is any instant after the last event); rows of 0 are left out. */
    public record FunnelRow(int pipelineVersion, String stageId, int open) {
    }

    public Reports {
        conversion = Set.copyOf(conversion);
        lossReasons = Set.copyOf(lossReasons);
        funnel = funnel.stream().filter(row -> row.open() > 0).collect(Collectors.toUnmodifiableSet());
    }

    public static Reports recompute(String pipelineId, List<Visit> allVisits) {
        List<Visit> visits = allVisits.stream().filter(visit -> pipelineId.equals(visit.pipelineId())).toList();
        // a deal counts once per stage and version, for the manager of its latest visit there
        Map<StageOfDeal, List<Visit>> perDealStage = visits.stream().collect(Collectors.groupingBy(
                visit -> new StageOfDeal(visit.dealId(), visit.pipelineVersion(), visit.stageId())));
        Map<ManagerStage, int[]> counts = new HashMap<>();
        perDealStage.values().forEach(group -> {
            Visit latest = group.stream().max(Comparator.comparingInt(Visit::number)).orElseThrow();
            int[] row = counts.computeIfAbsent(new ManagerStage(latest.managerId(), latest.pipelineVersion(),
                    latest.stageId()), key -> new int[4]);
            row[0]++;
            if (group.stream().anyMatch(visit -> "FORWARD".equals(visit.exitKind()) || "WON".equals(visit.exitKind()))) {
                row[1]++;
            }
            if (group.stream().anyMatch(visit -> "LOST".equals(visit.exitKind()))) {
                row[2]++;
            }
            if (latest.open()) {
                row[3]++;
            }
        });
        Set<ConversionRow> conversion = new HashSet<>();
        counts.forEach((key, row) -> conversion.add(new ConversionRow(key.managerId(), key.pipelineVersion(),
                key.stageId(), row[0], row[1], row[2], row[3])));
        Map<LossRow, Integer> losses = new HashMap<>();
        visits.stream().filter(visit -> "LOST".equals(visit.exitKind())).forEach(visit -> losses.merge(
                new LossRow(visit.pipelineVersion(), visit.stageId(), visit.lossReason(), 0), 1, Integer::sum));
        Map<FunnelRow, Integer> open = new HashMap<>();
        visits.stream().filter(Visit::open).forEach(visit -> open.merge(
                new FunnelRow(visit.pipelineVersion(), visit.stageId(), 0), 1, Integer::sum));
        return new Reports(conversion,
                losses.entrySet().stream().map(entry -> new LossRow(entry.getKey().pipelineVersion(),
                        entry.getKey().stageId(), entry.getKey().reasonCode(), entry.getValue()))
                        .collect(Collectors.toSet()),
                open.entrySet().stream().map(entry -> new FunnelRow(entry.getKey().pipelineVersion(),
                        entry.getKey().stageId(), entry.getValue())).collect(Collectors.toSet()));
    }

    private record StageOfDeal(String dealId, int pipelineVersion, String stageId) {
    }

    private record ManagerStage(String managerId, int pipelineVersion, String stageId) {
    }
}
