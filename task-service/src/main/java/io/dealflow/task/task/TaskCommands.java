package io.dealflow.task.task;

import io.dealflow.api.task.TaskKind;
import io.dealflow.platform.refusal.RefusedException;
import io.dealflow.platform.security.Actor;
import io.dealflow.task.deal.DealNotTrackedException;
import io.dealflow.task.deal.TrackedDeal;
import io.dealflow.task.deal.TrackedDeals;
import io.dealflow.task.task.TaskRefusal.TaskNotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/** What people do with tasks over REST: each request is one transaction, with the deal's row locked. */
@Service
public class TaskCommands {

    private final TaskStore tasks;
    private final TrackedDeals deals;
    private final TaskLifecycle lifecycle;
    private final Clock clock;

    public TaskCommands(TaskStore tasks, TrackedDeals deals, TaskLifecycle lifecycle, Clock clock) {
        this.tasks = tasks;
        this.deals = deals;
        this.lifecycle = lifecycle;
        this.clock = clock;
    }

    @Transactional
    public Task openManual(String dealId, String title, Instant dueAt, String assigneeId, Actor actor) {
        Instant now = clock.instant();
        FollowUpRules.requireFuture(dueAt, now, "dueAt");
        TrackedDeal deal = deals.lock(dealId).orElseThrow(() -> unknownDeal(dealId));
        FollowUpRules.requireDealOpen(deal.open(), dealId);
        return lifecycle.open(manualTask(deal, title, assigneeId, dueAt), now, actor, null);
    }

    /** Completes the task and, when named, opens the next one: both or neither. */
    @Transactional
    public Task complete(String taskId, NextTask next, Actor actor) {
        Instant now = clock.instant();
        String dealId = tasks.find(taskId).orElseThrow(() -> unknownTask(taskId)).dealId();
        TrackedDeal deal = deals.lock(dealId).orElseThrow(() -> unknownDeal(dealId));
        // read again under the deal's lock: a concurrent request may have completed it meanwhile
        Task task = tasks.find(taskId).orElseThrow();
        FollowUpRules.requireCompletable(task, next, tasks.openTasksOfDeal(task.dealId()), deal.open(), now);
        lifecycle.complete(task, now, actor);
        if (next != null) {
            return lifecycle.open(manualTask(deal, next.title(), next.assigneeId(), next.dueAt()), now, actor, null);
        }
        return null;
    }

    @Transactional
    public Task reschedule(String taskId, Instant dueAt, String reason, Actor actor) {
        Instant now = clock.instant();
        FollowUpRules.requireRescheduleReason(reason);
        FollowUpRules.requireFuture(dueAt, now, "dueAt");
        deals.lock(tasks.find(taskId).orElseThrow(() -> unknownTask(taskId)).dealId());
        Task task = tasks.find(taskId).orElseThrow();
        FollowUpRules.requireOpen(task);
        lifecycle.reschedule(task, dueAt, reason, now, actor);
        return tasks.find(taskId).orElseThrow();
    }

    private static TaskLifecycle.TaskDraft manualTask(TrackedDeal deal, String title, String assigneeId,
                                                      Instant dueAt) {
        return new TaskLifecycle.TaskDraft(deal.dealId(), deal.pipelineId(), deal.stageId(), TaskKind.MANUAL, title,
                FollowUpRules.assigneeOf(assigneeId, deal.managerId()), dueAt);
    }

    private static RefusedException unknownTask(String taskId) {
        return new RefusedException(new TaskNotFound(taskId));
    }

    private static DealNotTrackedException unknownDeal(String dealId) {
        return new DealNotTrackedException(dealId);
    }
}
