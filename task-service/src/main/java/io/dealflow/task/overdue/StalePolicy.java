package io.dealflow.task.overdue;

import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.task.task.Task;

import java.time.Instant;
import java.util.Optional;

/**
 * R5's last step: a follow-up task that stays overdue longer than its pipeline's {@code staleAfter} means nobody
 * follows the deal up, so the deal is closed as {@code LOST}/{@code stale}. Stated here, in plain Java, rather than
 * as interval arithmetic over the catalogue's JSON: the store's query takes its cutoffs from {@link #dueBefore}, and
 * {@link #isStale} is the same rule for one task.
 */
public final class StalePolicy {

    private StalePolicy() {
    }

    /**
     * The due time before which a follow-up of a deal in this pipeline version is stale at {@code now}; empty when
     * the pipeline closes no deal as stale (it has no {@code staleAfter}).
     */
    public static Optional<Instant> dueBefore(PipelineDefined pipeline, Instant now) {
        return Optional.ofNullable(pipeline.staleAfter()).map(now::minus);
    }

    /**
     * Whether {@code task}, of an open deal judged by {@code pipeline}, is stale at {@code now}. Only a follow-up
     * already seen overdue counts: a head's control task watches the manager and says nothing about the deal, and a
     * task not yet marked overdue has not been escalated, so nobody was told before the deal is lost.
     */
    public static boolean isStale(Task task, PipelineDefined pipeline, Instant now) {
        return task.isOpen() && task.isFollowUp() && task.overdueAt() != null
                && dueBefore(pipeline, now).map(task.dueAt()::isBefore).orElse(false);
    }
}
