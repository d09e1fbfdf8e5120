package io.dealflow.task.task;

import io.dealflow.platform.refusal.RefusedException;
import io.dealflow.task.task.TaskRefusal.DealClosed;
import io.dealflow.task.task.TaskRefusal.DealLeftWithoutTask;
import io.dealflow.task.task.TaskRefusal.DueTimeMissing;
import io.dealflow.task.task.TaskRefusal.DueTimeNotInFuture;
import io.dealflow.task.task.TaskRefusal.RescheduleReasonMissing;
import io.dealflow.task.task.TaskRefusal.TaskClosed;

import java.time.Instant;
import java.util.List;

/** R4: no deal without an open task. The decisions about tasks, free of storage and HTTP. */
public final class FollowUpRules {

    private FollowUpRules() {
    }

    /**
     * Completing the last open follow-up of an open deal would leave the deal without a next step, so the next
     * task must be named in the same request.
     */
    public static void requireFollowUpAfter(Task completing, List<Task> openTasksOfDeal, boolean dealOpen,
                                            NextTask next) {
        if (!dealOpen || !completing.isFollowUp() || next != null) {
            return;
        }
        boolean othersRemain = openTasksOfDeal.stream()
                .anyMatch(task -> task.isFollowUp() && !task.taskId().equals(completing.taskId()));
        if (!othersRemain) {
            throw new RefusedException(new DealLeftWithoutTask(completing.dealId(), completing.taskId()));
        }
    }

    public static void requireOpen(Task task) {
        if (!task.isOpen()) {
            throw new RefusedException(new TaskClosed(task.taskId(), task.status()));
        }
    }

    /** A new due time in the past would be overdue the moment it is set: a mistake, not a plan. */
    public static void requireFuture(Instant dueAt, Instant now, String field) {
        if (dueAt == null) {
            throw new RefusedException(new DueTimeMissing(field));
        }
        if (!dueAt.isAfter(now)) {
            throw new RefusedException(new DueTimeNotInFuture(field, now));
        }
    }

    /** R5: every reschedule is counted per manager, so it must say why; a silent one would hide a stale deal. */
    public static void requireRescheduleReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new RefusedException(new RescheduleReasonMissing());
        }
    }

    public static void requireDealOpen(boolean dealOpen, String dealId) {
        if (!dealOpen) {
            throw new RefusedException(new DealClosed(dealId));
        }
    }
}
