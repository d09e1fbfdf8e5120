package io.dealflow.task.task;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.refusal.InvalidInput;
import io.dealflow.platform.refusal.Refusal;
import io.dealflow.platform.refusal.RefusalProperties;

import java.time.Instant;
import java.util.Map;

/**
 * Every way a task request is refused, one record per rule, each carrying its data; the web layer's
 * {@code TaskServiceProblems} gives each its status.
 */
public sealed interface TaskRefusal extends Refusal {

    /** R4: completing the last open follow-up of an open deal names the next one in the same request. */
    record DealLeftWithoutTask(String dealId, String taskId) implements TaskRefusal {
        @Override
        public String type() {
            return ProblemTypes.DEAL_LEFT_WITHOUT_TASK;
        }

        @Override
        public String detail() {
            return "This is the last open task of deal " + dealId + ". Name the next one in "
                    + "'nextTask' {title, dueAt} so the deal is not left without a follow-up.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("dealId", dealId, "taskId", taskId);
        }
    }

    /** A done or cancelled task does not change. */
    record TaskClosed(String taskId, TaskStatus status) implements TaskRefusal {
        @Override
        public String type() {
            return ProblemTypes.TASK_CLOSED;
        }

        @Override
        public String detail() {
            return "Task " + taskId + " is " + status + " already.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("taskStatus", status.name());
        }
    }

    /** A won or lost deal needs no more tasks. */
    record DealClosed(String dealId) implements TaskRefusal {
        @Override
        public String type() {
            return ProblemTypes.DEAL_CLOSED;
        }

        @Override
        public String detail() {
            return "Deal " + dealId + " is closed; it needs no more tasks.";
        }

        @Override
        public Map<String, Object> properties() {
            return RefusalProperties.of("dealId", dealId);
        }
    }

    record TaskNotFound(String taskId) implements TaskRefusal {
        @Override
        public String type() {
            return ProblemTypes.TASK_NOT_FOUND;
        }

        @Override
        public String detail() {
            return "There is no task " + taskId + ".";
        }
    }

    /** A due time is an instant. */
    record DueTimeMissing(String field) implements TaskRefusal, InvalidInput {
        @Override
        public String message() {
            return "must be an ISO-8601 instant, e.g. 2026-12-01T09:00:00Z";
        }
    }

    /** A new due time in the past would be overdue the moment it is set: a mistake, not a plan. */
    record DueTimeNotInFuture(String field, Instant now) implements TaskRefusal, InvalidInput {
        @Override
        public String message() {
            return "must be in the future (now is " + now + ")";
        }
    }

    /** R5: every reschedule is counted per manager, so it must say why; a silent one would hide a stale deal. */
    record RescheduleReasonMissing() implements TaskRefusal, InvalidInput {
        @Override
        public String field() {
            return "reason";
        }

        @Override
        public String message() {
            return "a reschedule needs a reason; every one is counted";
        }
    }

    /** A next task is named by its title. */
    record NextTaskTitleMissing() implements TaskRefusal, InvalidInput {
        @Override
        public String field() {
            return "nextTask.title";
        }

        @Override
        public String message() {
            return "must not be blank";
        }
    }
}
