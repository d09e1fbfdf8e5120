package io.dealflow.task.task;

import io.dealflow.api.task.CancelCause;
import io.dealflow.api.task.TaskCancelled;
import io.dealflow.api.task.TaskCompleted;
import io.dealflow.api.task.TaskKind;
import io.dealflow.api.task.TaskOpened;
import io.dealflow.api.task.TaskOverdue;
import io.dealflow.api.task.TaskRescheduled;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TaskEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final Instant DUE = NOW.plusSeconds(3600);
    private final Task task = Task.open("t1", "d1", "sales", "proposal", TaskKind.STAGE, "Prepare three options",
            "olena", DUE, NOW);

    @Test
    void eachEventOfATaskNamesItsIdsInTheirPlaces() {
        assertThat(task.opened("system:task-service")).isEqualTo(new TaskOpened("t1", "d1", "sales", "olena",
                "Prepare three options", DUE, TaskKind.STAGE, "proposal", "system:task-service"));
        assertThat(task.completed("olena")).isEqualTo(new TaskCompleted("t1", "d1", "sales", "olena",
                "Prepare three options", DUE, TaskKind.STAGE, "proposal", "olena"));
        assertThat(task.overdue("system:task-service")).isEqualTo(new TaskOverdue("t1", "d1", "sales", "olena",
                "Prepare three options", DUE, TaskKind.STAGE, "proposal", "system:task-service"));
        assertThat(task.cancelled(CancelCause.SUPERSEDED, "system:task-service")).isEqualTo(new TaskCancelled("t1",
                "d1", "sales", "olena", "Prepare three options", DUE, TaskKind.STAGE, "proposal",
                "system:task-service", CancelCause.SUPERSEDED));
    }

    @Test
    void aRescheduleNamesTheNewDueTimeAndTheOneItReplaces() {
        Instant later = DUE.plusSeconds(86_400);

        TaskRescheduled rescheduled = task.rescheduled(later, "client on holiday", "olena");

        assertThat(rescheduled.dueAt()).isEqualTo(later);
        assertThat(rescheduled.fromDueAt()).isEqualTo(DUE);
        assertThat(rescheduled.reason()).isEqualTo("client on holiday");
        assertThat(rescheduled.actor()).isEqualTo("olena");
    }
}
