package io.dealflow.task.overdue;

import io.dealflow.api.task.TaskKind;
import io.dealflow.task.deal.TrackedDeal;
import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskLifecycle.TaskDraft;
import io.dealflow.task.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EscalationPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final TrackedDeal OPEN_DEAL = new TrackedDeal("d-1", "sales", 2, "Lathe for Kyiv", "proposal-sent",
            "olena", true);
    private final EscalationPolicy policy = new EscalationPolicy(Map.of("sales", "head-of-sales"),
            Duration.ofHours(24));

    @Test
    void anOverdueFollowUpOfAnOpenDealIsEscalated() {
        assertThat(EscalationPolicy.calledFor(task(TaskKind.STAGE), OPEN_DEAL)).isTrue();
        assertThat(EscalationPolicy.calledFor(task(TaskKind.MANUAL), OPEN_DEAL)).isTrue();
    }

    @Test
    void aHeadsOwnControlTaskIsNotEscalatedToTheHeadAgain() {
        assertThat(EscalationPolicy.calledFor(task(TaskKind.CONTROL), OPEN_DEAL)).isFalse();
    }

    @Test
    void aTaskOfAClosedOrUnknownDealIsNotEscalated() {
        TrackedDeal closed = new TrackedDeal("d-1", "sales", 2, "Lathe for Kyiv", "proposal-sent", "olena", false);
        assertThat(EscalationPolicy.calledFor(task(TaskKind.STAGE), closed)).isFalse();
        assertThat(EscalationPolicy.calledFor(task(TaskKind.STAGE), null)).isFalse();
    }

    @Test
    void theEscalationGoesToTheHeadOfTheDealsDepartmentAndADepartmentWithoutOneEscalatesToNobody() {
        assertThat(policy.headOf("sales")).contains("head-of-sales");
        assertThat(policy.headOf("contracts")).isEmpty();
    }

    @Test
    void theHeadGetsAControlTaskInTheDealsCurrentStageDueAfterTheConfiguredTime() {
        TaskDraft control = policy.controlTask(task(TaskKind.STAGE), OPEN_DEAL, "head-of-sales", NOW);

        assertThat(control.kind()).isEqualTo(TaskKind.CONTROL);
        assertThat(control.assigneeId()).isEqualTo("head-of-sales");
        assertThat(control.dealId()).isEqualTo("d-1");
        assertThat(control.pipelineId()).isEqualTo("sales");
        assertThat(control.stageId()).isEqualTo("proposal-sent");
        assertThat(control.dueAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(control.title()).isEqualTo("Control: 'Get the decision' of olena is overdue (Lathe for Kyiv)");
    }

    private static Task task(TaskKind kind) {
        return new Task("t-1", "d-1", "sales", "needs-identified", kind, "Get the decision", "olena",
                NOW.minus(Duration.ofHours(1)), TaskStatus.OPEN, NOW, 0, NOW.minus(Duration.ofDays(2)), null, null);
    }
}
