package io.dealflow.analytics.projection;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes one batch makes to the day counts, summed per key in memory, so a batch writes one delta row per
 * (stage, manager, day) it touched however many events it applied. Keys whose changes cancel out write nothing.
 */
final class CountDeltas {

    static final int ENTERED = 0;
    static final int EXITED = 1;
    static final int CONVERSION_ENTERED = 2;
    static final int CONVERSION_ADVANCED = 3;
    static final int CONVERSION_LOST = 4;
    static final int CONVERSION_STILL_THERE = 5;
    static final int STAGE_COLUMNS = 6;

    record StageKey(String pipelineId, int pipelineVersion, String stageId, String managerId, LocalDate day) {
    }

    record LossKey(StageKey stage, String reasonCode) {
    }

    record StageDelta(StageKey key, long[] counts) {
    }

    record LossDelta(LossKey key, long lost) {
    }

    private final Map<StageKey, long[]> stages = new LinkedHashMap<>();
    private final Map<LossKey, long[]> losses = new LinkedHashMap<>();

    void addStage(StageKey key, long[] counts, int sign) {
        long[] sums = stages.computeIfAbsent(key, any -> new long[STAGE_COLUMNS]);
        for (int i = 0; i < STAGE_COLUMNS; i++) {
            sums[i] += sign * counts[i];
        }
    }

    void addLoss(LossKey key, int sign) {
        losses.computeIfAbsent(key, any -> new long[1])[0] += sign;
    }

    /** The visit's contribution as it was replaced by its contribution as it is (either may be null). */
    void replace(CountedVisit before, CountedVisit after) {
        if (before != null && before.equals(after)) {
            return;
        }
        if (before != null) {
            before.addTo(this, -1);
        }
        if (after != null) {
            after.addTo(this, +1);
        }
    }

    List<StageDelta> stageDeltas() {
        return stages.entrySet().stream().filter(entry -> Arrays.stream(entry.getValue()).anyMatch(n -> n != 0))
                .map(entry -> new StageDelta(entry.getKey(), entry.getValue().clone())).toList();
    }

    List<LossDelta> lossDeltas() {
        return losses.entrySet().stream().filter(entry -> entry.getValue()[0] != 0)
                .map(entry -> new LossDelta(entry.getKey(), entry.getValue()[0])).toList();
    }
}
