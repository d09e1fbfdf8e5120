package io.dealflow.analytics.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The changes one batch makes to the day counts, summed per key in memory, so a batch writes one delta row per
 * (stage, manager, day) it touched however many events it applied. Keys whose changes cancel out write nothing.
 * The data-quality counts only ever grow: they count rows as they are inserted, and catch-up marks as they flip.
 */
final class CountDeltas {

    static final int ENTERED = 0;
    static final int EXITED = 1;
    static final int CONVERSION_ENTERED = 2;
    static final int CONVERSION_ADVANCED = 3;
    static final int CONVERSION_LOST = 4;
    static final int CONVERSION_STILL_THERE = 5;
    static final int STAGE_COLUMNS = 6;

    static final int CHANGES = 0;
    static final int SKIPS = 1;
    static final int BACKWARD_MOVES = 2;
    static final int CATCH_UP_MOVES = 3;
    static final int OVERDUE_TASKS = 4;
    static final int RESCHEDULES = 5;
    static final int QUALITY_COLUMNS = 6;

    record StageKey(String pipelineId, int pipelineVersion, String stageId, String managerId, LocalDate day) {
    }

    record LossKey(StageKey stage, String reasonCode) {
    }

    /** The data-quality figures of one manager's stage changes and task facts on one day. */
    record QualityKey(String pipelineId, String managerId, LocalDate day) {
    }

    record StageDelta(StageKey key, long[] counts) {
    }

    record QualityDelta(QualityKey key, long[] counts) {
    }

    record LossDelta(LossKey key, long lost) {
    }

    private final Map<StageKey, long[]> stages = new LinkedHashMap<>();
    private final Map<LossKey, long[]> losses = new LinkedHashMap<>();
    private final Map<QualityKey, long[]> quality = new LinkedHashMap<>();

    void addStage(StageKey key, long[] counts, int sign) {
        long[] sums = stages.computeIfAbsent(key, any -> new long[STAGE_COLUMNS]);
        for (int i = 0; i < STAGE_COLUMNS; i++) {
            sums[i] += sign * counts[i];
        }
    }

    void addLoss(LossKey key, int sign) {
        losses.computeIfAbsent(key, any -> new long[1])[0] += sign;
    }

    void addQuality(QualityKey key, int column) {
        quality.computeIfAbsent(key, any -> new long[QUALITY_COLUMNS])[column]++;
    }

    /**
     * A stage change as inserted: every change counts in {@code changes}, so that a manager whose changes were all
     * clean is still listed for the period, as the rows themselves would list them.
     */
    void addStageChange(String pipelineId, String managerId, Instant occurredAt, boolean skipped, boolean backward,
                        boolean catchUp) {
        QualityKey key = new QualityKey(pipelineId, managerId, CountedVisit.day(occurredAt));
        addQuality(key, CHANGES);
        if (skipped) {
            addQuality(key, SKIPS);
        }
        if (backward) {
            addQuality(key, BACKWARD_MOVES);
        }
        if (catchUp) {
            addQuality(key, CATCH_UP_MOVES);
        }
    }

    /** An earlier stage change whose catch-up mark flipped now: it counts on its own day, under its own manager. */
    void addCatchUpMark(String pipelineId, String managerId, Instant occurredAt) {
        addQuality(new QualityKey(pipelineId, managerId, CountedVisit.day(occurredAt)), CATCH_UP_MOVES);
    }

    /** A task fact as inserted, {@code OVERDUE} or {@code RESCHEDULED}. */
    void addTaskFact(String pipelineId, String assigneeId, String kind, Instant occurredAt) {
        addQuality(new QualityKey(pipelineId, assigneeId, CountedVisit.day(occurredAt)), switch (kind) {
            case "OVERDUE" -> OVERDUE_TASKS;
            case "RESCHEDULED" -> RESCHEDULES;
            default -> throw new IllegalArgumentException("Not a countable task fact: " + kind);
        });
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

    List<QualityDelta> qualityDeltas() {
        return quality.entrySet().stream().filter(entry -> Arrays.stream(entry.getValue()).anyMatch(n -> n != 0))
                .map(entry -> new QualityDelta(entry.getKey(), entry.getValue().clone())).toList();
    }

    List<LossDelta> lossDeltas() {
        return losses.entrySet().stream().filter(entry -> entry.getValue()[0] != 0)
                .map(entry -> new LossDelta(entry.getKey(), entry.getValue()[0])).toList();
    }
}
