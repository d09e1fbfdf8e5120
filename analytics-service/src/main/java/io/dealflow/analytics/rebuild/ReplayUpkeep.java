package io.dealflow.analytics.rebuild;

/**
 * When a replay stops between batches to look after the generation it fills: whenever the replayed part has doubled,
 * it analyses the tables (a generation the statistics have not seen is estimated at one row, and the planner then
 * scans all of it once per looked-up deal) and folds the day counts' delta rows. Past {@link #STATISTICS_SETTLE_AFTER}
 * events it only folds: the replay's statements are primary-key lookups, which the planner picks once the
 * statistics know the generation holds more than a few pages, so a larger generation changes no plan, while every
 * analysis stalls both lanes for seconds (docs/performance.md, "What the indexes cost a replay").
 */
final class ReplayUpkeep {

    static final long STATISTICS_SETTLE_AFTER = 100_000;

    enum Step { NONE, ANALYZE, FOLD }

    private long dueAt;

    /**
     * @param replayed events replayed when this stretch of the replay starts
     * @param firstAfter events after which the first upkeep is due
     */
    ReplayUpkeep(long replayed, long firstAfter) {
        this.dueAt = replayed + firstAfter;
    }

    /** What is due now that {@code replayed} events are replayed; the next step is due when that has doubled. */
    Step after(long replayed) {
        if (replayed < dueAt) {
            return Step.NONE;
        }
        dueAt = 2 * replayed;
        return replayed < STATISTICS_SETTLE_AFTER ? Step.ANALYZE : Step.FOLD;
    }
}
