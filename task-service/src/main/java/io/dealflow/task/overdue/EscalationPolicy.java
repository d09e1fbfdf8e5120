package io.dealflow.task.overdue;

import io.dealflow.api.task.TaskKind;
import io.dealflow.task.deal.TrackedDeal;
import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskLifecycle.TaskDraft;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * R5: an overdue follow-up goes to the head of its deal's department, who gets a control task to act on. Plain Java,
 * so the rule reads in one place; {@code Escalations} looks the deal and its department up and records the result.
 *
 * @param departmentHeads  department (as pipelines name it) → the head who receives its escalations
 * @param controlTaskDueIn how long a head has to act on an escalation
 */
record EscalationPolicy(Map<String, String> departmentHeads, Duration controlTaskDueIn) {

    EscalationPolicy {
        departmentHeads = Map.copyOf(departmentHeads);
    }

    static EscalationPolicy of(TaskProperties properties) {
        return new EscalationPolicy(properties.departmentHeads(), properties.controlTaskDueIn());
    }

    /**
     * Whether an overdue task calls for its department's head at all: only a follow-up of a deal still open. A head's
     * own control task is not escalated to the head again, and a closed deal needs no follow-up.
     *
     * @param deal the task's deal, or null when task-service does not track it
     */
    static boolean calledFor(Task overdue, TrackedDeal deal) {
        return overdue.isFollowUp() && deal != null && deal.open();
    }

    /** The head of that department, or empty when none is configured (the task is then not escalated). */
    Optional<String> headOf(String department) {
        return Optional.ofNullable(departmentHeads.get(department));
    }

    /** The head's control task: due {@code controlTaskDueIn} after the escalation, in the deal's current stage. */
    TaskDraft controlTask(Task overdue, TrackedDeal deal, String head, Instant now) {
        return new TaskDraft(deal.dealId(), deal.pipelineId(), deal.stageId(), TaskKind.CONTROL,
                "Control: '" + overdue.title() + "' of " + overdue.assigneeId() + " is overdue (" + deal.title() + ")",
                head, now.plus(controlTaskDueIn));
    }
}
