package io.dealflow.analytics.projection;

import io.dealflow.api.deal.Direction;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a stage change does to one deal's visits (R9), apart from how they are stored. Visits are numbered from 1 in
 * the order the deal entered them; a stage change ends the current one and starts the next. When it continues a
 * catch-up run ({@link CatchUpRule}) it is only now that the run shows, so it also marks what came before: the
 * visit the run's earlier change ended, the visit between the two changes, and that earlier change itself.
 * {@code DealProjector} applies the answer to its rows, in memory or already written.
 */
public record VisitTimeline(CatchUpRule rule) {

    public VisitTimeline {
        Objects.requireNonNull(rule, "rule");
    }

    /**
     * @param current  the number of the deal's current visit
     * @param previous the deal's previous stage change, or null when this is its first
     */
    public Step change(int current, PreviousChange previous, Direction direction, Instant at) {
        boolean continuesRun = previous != null
                && rule.continuesRun(previous.at(), previous.direction(), direction, at);
        CatchUpRun run = continuesRun ? new CatchUpRun(List.of(current - 1, current), previous.sequence()) : null;
        return new Step(current, current + 1, run);
    }

    /** A deal's last stage change as the projection remembers it. */
    public record PreviousChange(long sequence, Instant at, Direction direction) {
    }

    /**
     * @param ends   the visit the change ends
     * @param starts the visit it starts, in the target stage (skipped stages get none)
     * @param run    what the change reveals to be a catch-up run with the change before it, or null
     */
    public record Step(int ends, int starts, CatchUpRun run) {

        /** Whether the change itself is part of a catch-up run, as are the visit it ends and the one before. */
        public boolean catchUp() {
            return run != null;
        }
    }

    /**
     * @param visits        the visits to mark as catch-up: the one the earlier change ended and the one it started
     * @param earlierChange the sequence of the run's earlier change, to mark as catch-up too
     */
    public record CatchUpRun(List<Integer> visits, long earlierChange) {

        public CatchUpRun {
            visits = List.copyOf(visits);
        }
    }
}
