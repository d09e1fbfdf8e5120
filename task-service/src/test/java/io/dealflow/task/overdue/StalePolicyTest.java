package io.dealflow.task.overdue;

import io.dealflow.api.pipeline.BackwardMode;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.SkipMode;
import io.dealflow.api.task.TaskKind;
import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskStatus;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StalePolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final PipelineDefined FOURTEEN_DAYS = pipeline(Duration.ofDays(14));
    private static final PipelineDefined NEVER_STALE = pipeline(null);

    @Test
    void aFollowUpOverdueLongerThanStaleAfterIsStale() {
        assertThat(StalePolicy.isStale(overdue(TaskKind.STAGE, NOW.minus(Duration.ofDays(14)).minusSeconds(1)),
                FOURTEEN_DAYS, NOW)).isTrue();
    }

    @Test
    void aFollowUpOverdueExactlyStaleAfterIsNotStaleYet() {
        assertThat(StalePolicy.isStale(overdue(TaskKind.STAGE, NOW.minus(Duration.ofDays(14))), FOURTEEN_DAYS, NOW))
                .isFalse();
    }

    @Test
    void aManualFollowUpCountsLikeAStageTask() {
        assertThat(StalePolicy.isStale(overdue(TaskKind.MANUAL, NOW.minus(Duration.ofDays(20))), FOURTEEN_DAYS, NOW))
                .isTrue();
    }

    @Test
    void aHeadsControlTaskNeverMakesTheDealStale() {
        assertThat(StalePolicy.isStale(overdue(TaskKind.CONTROL, NOW.minus(Duration.ofDays(20))), FOURTEEN_DAYS,
                NOW)).isFalse();
    }

    @Test
    void aTaskNotYetSeenOverdueIsNotStaleHoweverLate() {
        Task unseen = new Task("t", "d", "sales", "s", TaskKind.STAGE, "Call", "olena",
                NOW.minus(Duration.ofDays(20)), TaskStatus.OPEN, null, 0, NOW.minus(Duration.ofDays(30)), null, null);
        assertThat(StalePolicy.isStale(unseen, FOURTEEN_DAYS, NOW)).isFalse();
    }

    @Test
    void aClosedTaskIsNotStale() {
        Task done = new Task("t", "d", "sales", "s", TaskKind.STAGE, "Call", "olena", NOW.minus(Duration.ofDays(20)),
                TaskStatus.DONE, NOW.minus(Duration.ofDays(19)), 0, NOW.minus(Duration.ofDays(30)), NOW, null);
        assertThat(StalePolicy.isStale(done, FOURTEEN_DAYS, NOW)).isFalse();
    }

    @Test
    void aPipelineWithoutStaleAfterClosesNoDealAndHasNoCutoff() {
        assertThat(StalePolicy.isStale(overdue(TaskKind.STAGE, NOW.minus(Duration.ofDays(365))), NEVER_STALE, NOW))
                .isFalse();
        assertThat(StalePolicy.dueBefore(NEVER_STALE, NOW)).isEmpty();
    }

    @Test
    void theCutoffTheStoreQueriesWithIsStaleAfterBeforeNow() {
        assertThat(StalePolicy.dueBefore(FOURTEEN_DAYS, NOW)).contains(NOW.minus(Duration.ofDays(14)));
    }

    private static Task overdue(TaskKind kind, Instant dueAt) {
        return new Task("t", "d", "sales", "s", kind, "Call", "olena", dueAt, TaskStatus.OPEN, dueAt.plusSeconds(30),
                0, dueAt.minus(Duration.ofDays(1)), null, null);
    }

    private static PipelineDefined pipeline(Duration staleAfter) {
        return new PipelineDefined("sales", 1, "Sales", "sales", SkipMode.STRICT, BackwardMode.FORBIDDEN, null,
                staleAfter, List.of(), List.of(), "system:test");
    }
}
