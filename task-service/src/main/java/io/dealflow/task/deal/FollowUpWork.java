package io.dealflow.task.deal;

import io.dealflow.api.task.CancelCause;
import io.dealflow.platform.security.Actor;
import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskLifecycle;
import io.dealflow.task.task.TaskLifecycle.TaskDraft;
import io.dealflow.task.task.TaskStore;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one batch of deal events reads and changes. Its deals are locked and read once, with their open tasks, when
 * it starts; the events are then applied to them in memory, in delivery order, each seeing what the ones before it
 * changed; what changed is written when the batch ends, a few statements in all instead of about nine per event.
 * The batch's transaction holds the deals' locks throughout, so nothing else changes them meanwhile.
 */
final class FollowUpWork {

    private final Map<String, TrackedDeal> deals;
    private final Map<String, List<Task>> openTasks;
    private final Map<String, TrackedDeals.Seen> inserted = new LinkedHashMap<>();
    private final Map<String, TrackedDeals.Seen> updated = new LinkedHashMap<>();
    private final TaskLifecycle.Changes changes;

    private FollowUpWork(Map<String, TrackedDeal> deals, Map<String, List<Task>> openTasks,
                         TaskLifecycle.Changes changes) {
        this.deals = deals;
        this.openTasks = openTasks;
        this.changes = changes;
    }

    /** Locks the deals that are tracked already and reads their open tasks. */
    static FollowUpWork start(Collection<String> dealIds, TrackedDeals trackedDeals, TaskStore tasks,
                              TaskLifecycle lifecycle) {
        Map<String, TrackedDeal> locked = trackedDeals.lockAll(dealIds);
        return new FollowUpWork(locked, tasks.openTasksOfDeals(locked.keySet()), lifecycle.changes());
    }

    /** The deal as the events so far leave it; empty when its opening was never seen. */
    Optional<TrackedDeal> deal(String dealId) {
        return Optional.ofNullable(deals.get(dealId));
    }

    /**
     * A deal seen opened. One already tracked is inserted again all the same: the store refuses the duplicate, as
     * it refused it before batches.
     */
    void opened(TrackedDeal deal, Instant at) {
        deals.put(deal.dealId(), deal);
        inserted.put(deal.dealId(), new TrackedDeals.Seen(deal, at));
    }

    void update(TrackedDeal deal, Instant at) {
        deals.put(deal.dealId(), deal);
        (inserted.containsKey(deal.dealId()) ? inserted : updated).put(deal.dealId(), new TrackedDeals.Seen(deal, at));
    }

    /** Oldest first. */
    List<Task> openTasksOf(String dealId) {
        return List.copyOf(openTasks.getOrDefault(dealId, List.of()));
    }

    void open(TaskDraft draft, Instant at, Actor actor, String causationId) {
        Task task = changes.open(draft, at, actor, causationId);
        openTasks.computeIfAbsent(task.dealId(), deal -> new ArrayList<>()).add(task);
    }

    void cancel(Task task, CancelCause cause, Instant at, Actor actor, String causationId) {
        changes.cancel(task, cause, at, actor, causationId);
        List<Task> open = openTasks.get(task.dealId());
        if (open != null) {
            open.removeIf(candidate -> candidate.taskId().equals(task.taskId()));
        }
    }

    /** In the batch's transaction: the deals, then the tasks and their events. */
    void write(TrackedDeals trackedDeals) {
        trackedDeals.insertAll(List.copyOf(inserted.values()));
        trackedDeals.updateAll(List.copyOf(updated.values()));
        changes.write();
    }
}
