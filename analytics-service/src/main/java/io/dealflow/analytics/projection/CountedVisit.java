package io.dealflow.analytics.projection;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * What a visit adds to the day counts the additive reports read (funnel, conversion, loss reasons): the counts are
 * sums of these contributions, so when a visit changes (it ends, its manager changes, its stage is re-entered) the
 * projection subtracts what it added before and adds what it adds now, and the counts stay exact.
 *
 * <ul>
 *     <li>funnel: +1 entered on the day it started, +1 exited on the day it ended, under the visit's manager;</li>
 *     <li>conversion: a visit that is its deal's only visit to the stage (not {@code shared}) is one deal entering
 *         the stage on the day it started, advanced, lost or still there by how it ended; a deal that re-entered
 *         the stage counts once, so its visits are counted from the visits themselves
 *         ({@code visits.shared}, see ConversionReport);</li>
 *     <li>loss reasons: +1 on the day a visit ended {@code LOST}, with its reason.</li>
 * </ul>
 * Days are UTC dates of the events' own times.
 */
record CountedVisit(String pipelineId, int pipelineVersion, String stageId, String managerId, Instant enteredAt,
                    Instant exitedAt, String exitKind, String lossReason, boolean shared) {

    void addTo(CountDeltas deltas, int sign) {
        LocalDate entryDay = day(enteredAt);
        boolean open = exitedAt == null;
        long[] entry = new long[CountDeltas.STAGE_COLUMNS];
        entry[CountDeltas.ENTERED] = 1;
        if (!shared) {
            entry[CountDeltas.CONVERSION_ENTERED] = 1;
            entry[CountDeltas.CONVERSION_ADVANCED] = "FORWARD".equals(exitKind) || "WON".equals(exitKind) ? 1 : 0;
            entry[CountDeltas.CONVERSION_LOST] = "LOST".equals(exitKind) ? 1 : 0;
            entry[CountDeltas.CONVERSION_STILL_THERE] = open ? 1 : 0;
        }
        deltas.addStage(key(entryDay), entry, sign);
        if (!open) {
            long[] exit = new long[CountDeltas.STAGE_COLUMNS];
            exit[CountDeltas.EXITED] = 1;
            LocalDate exitDay = day(exitedAt);
            deltas.addStage(key(exitDay), exit, sign);
            if ("LOST".equals(exitKind)) {
                deltas.addLoss(new CountDeltas.LossKey(key(exitDay), lossReason), sign);
            }
        }
    }

    CountedVisit asShared() {
        return new CountedVisit(pipelineId, pipelineVersion, stageId, managerId, enteredAt, exitedAt, exitKind,
                lossReason, true);
    }

    private CountDeltas.StageKey key(LocalDate day) {
        return new CountDeltas.StageKey(pipelineId, pipelineVersion, stageId, managerId, day);
    }

    static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
