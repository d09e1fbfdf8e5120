package io.dealflow.task.task;

import io.dealflow.api.ProblemTypes;
import io.dealflow.api.task.TaskKind;
import io.dealflow.platform.problem.InvalidInputException;
import io.dealflow.platform.problem.RuleViolationException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FollowUpRulesTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final Task stageTask = task("t1", TaskKind.STAGE);
    private final Task manualTask = task("t2", TaskKind.MANUAL);
    private final Task controlTask = task("t3", TaskKind.CONTROL);

    @Test
    void theLastFollowUpOfAnOpenDealCannotBeCompletedWithoutANextTask() {
        RuleViolationException refusal = catchThrowableOfType(RuleViolationException.class,
                () -> FollowUpRules.requireFollowUpAfter(stageTask, List.of(stageTask, controlTask), true, null));
        assertThat(refusal.type()).isEqualTo(ProblemTypes.DEAL_LEFT_WITHOUT_TASK);
        assertThat(refusal.getMessage()).contains("nextTask");
    }

    @Test
    void theLastFollowUpCanBeCompletedWhenTheNextOneIsNamed() {
        assertThatCode(() -> FollowUpRules.requireFollowUpAfter(stageTask, List.of(stageTask), true,
                new NextTask("Call back", NOW.plus(Duration.ofDays(1)), null))).doesNotThrowAnyException();
    }

    @Test
    void aFollowUpCanBeCompletedWhileAnotherFollowUpStaysOpen() {
        assertThatCode(() -> FollowUpRules.requireFollowUpAfter(stageTask, List.of(stageTask, manualTask), true, null))
                .doesNotThrowAnyException();
    }

    @Test
    void aHeadsControlTaskNeverNeedsANextTask() {
        assertThatCode(() -> FollowUpRules.requireFollowUpAfter(controlTask, List.of(controlTask), true, null))
                .doesNotThrowAnyException();
    }

    @Test
    void aClosedDealNeedsNoNextTask() {
        assertThatCode(() -> FollowUpRules.requireFollowUpAfter(stageTask, List.of(stageTask), false, null))
                .doesNotThrowAnyException();
    }

    @Test
    void aDueTimeInThePastIsRefusedNamingTheField() {
        InvalidInputException refusal = catchThrowableOfType(InvalidInputException.class,
                () -> FollowUpRules.requireFuture(NOW.minusSeconds(1), NOW, "nextTask.dueAt"));
        assertThat(refusal.errors()).extracting("field").containsExactly("nextTask.dueAt");
    }

    @Test
    void aRescheduleWithoutAReasonIsRefusedNamingTheField() {
        for (String reason : new String[]{null, "  "}) {
            InvalidInputException refusal = catchThrowableOfType(InvalidInputException.class,
                    () -> FollowUpRules.requireRescheduleReason(reason));
            assertThat(refusal.errors()).extracting("field").containsExactly("reason");
        }
        assertThatCode(() -> FollowUpRules.requireRescheduleReason("client on holiday")).doesNotThrowAnyException();
    }

    @Test
    void aClosedTaskCannotBeCompletedAgain() {
        Task done = new Task("t9", "d1", "sales", "proposal", TaskKind.STAGE, "x", "olena", NOW, TaskStatus.DONE,
                null, 0, NOW, NOW, null);
        assertThat(catchThrowableOfType(RuleViolationException.class, () -> FollowUpRules.requireOpen(done)).type())
                .isEqualTo(ProblemTypes.TASK_CLOSED);
    }

    @Test
    void aClosedDealGetsNoNewTasks() {
        assertThat(catchThrowableOfType(RuleViolationException.class,
                () -> FollowUpRules.requireDealOpen(false, "d1")).type()).isEqualTo(ProblemTypes.DEAL_CLOSED);
    }

    private static Task task(String id, TaskKind kind) {
        return Task.open(id, "d1", "sales", "proposal", kind, "Prepare three options", "olena", NOW.plusSeconds(60),
                NOW);
    }
}
