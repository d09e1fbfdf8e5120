package io.dealflow.task.task;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.InvalidInputException;
import io.dealflow.platform.problem.RuleViolationException;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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
            throw new RuleViolationException(ProblemTypes.DEAL_LEFT_WITHOUT_TASK,
                    "This is the last open task of deal " + completing.dealId() + ". Name the next one in "
                            + "'nextTask' {title, dueAt} so the deal is not left without a follow-up.",
                    Map.of("dealId", completing.dealId(), "taskId", completing.taskId()));
        }
    }

    public static void requireOpen(Task task) {
        if (!task.isOpen()) {
            throw new RuleViolationException(ProblemTypes.TASK_CLOSED,
                    "Task " + task.taskId() + " is " + task.status() + " already.",
                    Map.of("taskStatus", task.status().name()));
        }
    }

    /** A new due time in the past would be overdue the moment it is set: a mistake, not a plan. */
    public static void requireFuture(Instant dueAt, Instant now, String field) {
        if (dueAt == null) {
            throw InvalidInputException.of(field, "must be an ISO-8601 instant, e.g. 2026-12-01T09:00:00Z");
        }
        if (!dueAt.isAfter(now)) {
            throw InvalidInputException.of(field, "must be in the future (now is " + now + ")");
        }
    }

    /** R5: every reschedule is counted per manager, so it must say why; a silent one would hide a stale deal. */
    public static void requireRescheduleReason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "a reschedule needs a reason; every one is counted");
        }
    }

    public static void requireDealOpen(boolean dealOpen, String dealId) {
        if (!dealOpen) {
            throw new RuleViolationException(ProblemTypes.DEAL_CLOSED,
                    "Deal " + dealId + " is closed; it needs no more tasks.", Map.of("dealId", dealId));
        }
    }
}
