package io.dealflow.task.task;

import io.dealflow.api.task.TaskKind;
import io.dealflow.platform.refusal.RefusedException;
import io.dealflow.task.task.TaskRefusal.DealClosed;
import io.dealflow.task.task.TaskRefusal.DealLeftWithoutTask;
import io.dealflow.task.task.TaskRefusal.DueTimeMissing;
import io.dealflow.task.task.TaskRefusal.DueTimeNotInFuture;
import io.dealflow.task.task.TaskRefusal.NextTaskTitleMissing;
import io.dealflow.task.task.TaskRefusal.RescheduleReasonMissing;
import io.dealflow.task.task.TaskRefusal.TaskClosed;
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
        RefusedException refused = catchThrowableOfType(RefusedException.class,
                () -> FollowUpRules.requireFollowUpAfter(stageTask, List.of(stageTask, controlTask), true, null));
        assertThat(refused.refusal()).isEqualTo(new DealLeftWithoutTask("d1", "t1"));
        assertThat(refused.getMessage()).contains("nextTask");
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
        RefusedException refused = catchThrowableOfType(RefusedException.class,
                () -> FollowUpRules.requireFuture(NOW.minusSeconds(1), NOW, "nextTask.dueAt"));
        assertThat(refused.refusal()).isEqualTo(new DueTimeNotInFuture("nextTask.dueAt", NOW));
    }

    @Test
    void aRescheduleWithoutAReasonIsRefusedNamingTheField() {
        for (String reason : new String[]{null, "  "}) {
            RefusedException refused = catchThrowableOfType(RefusedException.class,
                    () -> FollowUpRules.requireRescheduleReason(reason));
            assertThat(refused.refusal()).isEqualTo(new RescheduleReasonMissing());
        }
        assertThatCode(() -> FollowUpRules.requireRescheduleReason("client on holiday")).doesNotThrowAnyException();
    }

    @Test
    void aClosedTaskCannotBeCompletedAgain() {
        Task done = new Task("t9", "d1", "sales", "proposal", TaskKind.STAGE, "x", "olena", NOW, TaskStatus.DONE,
                null, 0, NOW, NOW, null);
        assertThat(catchThrowableOfType(RefusedException.class, () -> FollowUpRules.requireOpen(done)).refusal())
                .isEqualTo(new TaskClosed("t9", TaskStatus.DONE));
    }

    @Test
    void aClosedDealGetsNoNewTasks() {
        assertThat(catchThrowableOfType(RefusedException.class,
                () -> FollowUpRules.requireDealOpen(false, "d1")).refusal()).isEqualTo(new DealClosed("d1"));
    }

    @Test
    void aNextTaskNeedsATitle() {
        for (String title : new String[]{null, " "}) {
            assertThat(completionRefusal(stageTask, new NextTask(title, NOW.plusSeconds(60), null), true))
                    .isEqualTo(new NextTaskTitleMissing());
        }
    }

    @Test
    void aNextTaskNeedsAFutureDueTimeNamedAsTheRequestNamesIt() {
        assertThat(completionRefusal(stageTask, new NextTask("Call back", null, null), true))
                .isEqualTo(new DueTimeMissing("nextTask.dueAt"));
        assertThat(completionRefusal(stageTask, new NextTask("Call back", NOW, null), true))
                .isEqualTo(new DueTimeNotInFuture("nextTask.dueAt", NOW));
    }

    @Test
    void aClosedDealGetsNoNextTask() {
        assertThat(completionRefusal(stageTask, new NextTask("Call back", NOW.plusSeconds(60), null), false))
                .isEqualTo(new DealClosed("d1"));
    }

    @Test
    void aClosedTaskIsRefusedBeforeItsNextTaskIsLookedAt() {
        Task done = new Task("t9", "d1", "sales", "proposal", TaskKind.STAGE, "x", "olena", NOW, TaskStatus.DONE,
                null, 0, NOW, NOW, null);
        assertThat(completionRefusal(done, new NextTask(null, null, null), true))
                .isEqualTo(new TaskClosed("t9", TaskStatus.DONE));
    }

    @Test
    void theLastFollowUpIsCompletableWithAValidNextTask() {
        assertThatCode(() -> FollowUpRules.requireCompletable(stageTask,
                new NextTask("Call back", NOW.plusSeconds(60), null), List.of(stageTask), true, NOW))
                .doesNotThrowAnyException();
        assertThat(completionRefusal(stageTask, null, true)).isEqualTo(new DealLeftWithoutTask("d1", "t1"));
    }

    @Test
    void aTaskNobodyWasNamedForGoesToTheDealsManager() {
        assertThat(FollowUpRules.assigneeOf(null, "olena")).isEqualTo("olena");
        assertThat(FollowUpRules.assigneeOf("taras", "olena")).isEqualTo("taras");
    }

    private static Object completionRefusal(Task completing, NextTask next, boolean dealOpen) {
        return catchThrowableOfType(RefusedException.class, () -> FollowUpRules.requireCompletable(completing, next,
                List.of(completing), dealOpen, NOW)).refusal();
    }

    private static Task task(String id, TaskKind kind) {
        return Task.open(id, "d1", "sales", "proposal", kind, "Prepare three options", "olena", NOW.plusSeconds(60),
                NOW);
    }
}
