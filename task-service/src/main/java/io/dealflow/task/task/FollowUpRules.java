package io.dealflow.task.task;

import io.dealflow.platform.refusal.RefusedException;
import io.dealflow.task.task.TaskRefusal.DealClosed;
import io.dealflow.task.task.TaskRefusal.DealLeftWithoutTask;
import io.dealflow.task.task.TaskRefusal.DueTimeMissing;
import io.dealflow.task.task.TaskRefusal.DueTimeNotInFuture;
import io.dealflow.task.task.TaskRefusal.NextTaskTitleMissing;
import io.dealflow.task.task.TaskRefusal.RescheduleReasonMissing;
import io.dealflow.task.task.TaskRefusal.TaskClosed;

import java.time.Instant;
import java.util.List;

/** R4: no deal without an open task. The decisions about tasks, free of storage and HTTP. */
public final class FollowUpRules {

    private FollowUpRules() {
    }

    /**
     * Completing a task and opening the next one, if named, is both or neither: the task must still be open, a next
     * task needs a title, a due time in the future and an open deal, and the last follow-up of an open deal needs a
     * next task (R4). Checked in that order, so the answer names the first thing to fix.
     */
    public static void requireCompletable(Task completing, NextTask next, List<Task> openTasksOfDeal,
                                          boolean dealOpen, Instant now) {
        requireOpen(completing);
        if (next != null) {
            if (next.title() == null || next.title().isBlank()) {
                throw new RefusedException(new NextTaskTitleMissing());
            }
            requireFuture(next.dueAt(), now, "nextTask.dueAt");
            requireDealOpen(dealOpen, completing.dealId());
        }
        requireFollowUpAfter(completing, openTasksOfDeal, dealOpen, next);
    }

    /** A task nobody was named for goes to the deal's manager, who answers for the deal's next step. */
    public static String assigneeOf(String requestedAssigneeId, String dealManagerId) {
        return requestedAssigneeId == null ? dealManagerId : requestedAssigneeId;
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
