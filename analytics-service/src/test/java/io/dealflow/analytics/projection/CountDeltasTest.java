package io.dealflow.analytics.projection;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountDeltasTest {

    static final Instant MONDAY = Instant.parse("2031-01-06T10:00:00Z");
    static final Instant TUESDAY = Instant.parse("2031-01-07T11:00:00Z");

    @Test
    void anOpenVisitIsOneDealEnteringAndStillThereOnTheDayItStarted() {
        CountDeltas deltas = new CountDeltas();
        deltas.replace(null, visit("olena", null, null, false));

        assertThat(deltas.stageDeltas()).singleElement().satisfies(delta -> {
            assertThat(delta.key()).isEqualTo(key("olena", "2031-01-06"));
            assertThat(delta.counts()).containsExactly(1, 0, 1, 0, 0, 1);
        });
    }

    @Test
    void anEndedVisitMovesFromStillThereToAdvancedAndCountsItsExitOnItsOwnDay() {
        CountDeltas deltas = new CountDeltas();
        deltas.replace(visit("olena", null, null, false), visit("olena", TUESDAY, "FORWARD", false));

        assertThat(deltas.stageDeltas()).extracting(delta -> delta.key().day() + " " + Arrays.toString(delta.counts()))
                .containsExactly("2031-01-06 [0, 0, 0, 1, 0, -1]", "2031-01-07 [0, 1, 0, 0, 0, 0]");
    }

    @Test
    void aLossIsCountedWithItsReasonOnTheDayOfTheLoss() {
        CountDeltas deltas = new CountDeltas();
        deltas.replace(visit("olena", null, null, false), visit("olena", TUESDAY, "LOST", false));

        assertThat(deltas.lossDeltas()).containsExactly(
                new CountDeltas.LossDelta(new CountDeltas.LossKey(key("olena", "2031-01-07"), "price"), 1));
        assertThat(deltas.stageDeltas()).anySatisfy(delta ->
                assertThat(delta.counts()[CountDeltas.CONVERSION_LOST]).isEqualTo(1));
    }

    @Test
    void aReassignedOpenVisitMovesItsCountsToTheNewManager() {
        CountDeltas deltas = new CountDeltas();
        deltas.replace(visit("olena", null, null, false), visit("taras", null, null, false));

        assertThat(deltas.stageDeltas()).extracting(delta -> delta.key().managerId() + " " + delta.counts()[0])
                .containsExactly("olena -1", "taras 1");
    }

    @Test
    void aSharedVisitIsNoDealOfItsOwnForConversionButStillInTheFunnel() {
        CountDeltas deltas = new CountDeltas();
        CountedVisit alone = visit("olena", TUESDAY, "BACKWARD", false);
        deltas.replace(alone, alone.asShared());

        assertThat(deltas.stageDeltas()).singleElement().satisfies(delta ->
                assertThat(delta.counts()).containsExactly(0, 0, -1, 0, 0, 0));
    }

    @Test
    void anUnchangedVisitAndChangesThatCancelOutWriteNothing() {
        CountDeltas deltas = new CountDeltas();
        CountedVisit visit = visit("olena", TUESDAY, "WON", false);
        deltas.replace(visit, visit);
        deltas.replace(null, visit);
        deltas.replace(visit, null);

        assertThat(deltas.stageDeltas()).isEmpty();
        assertThat(deltas.lossDeltas()).isEmpty();
    }

    @Test
    void stageChangesCountOnTheirUtcDayUnderTheirManagerCleanOnesIncluded() {
        CountDeltas deltas = new CountDeltas();
        deltas.addStageChange("sales", "olena", MONDAY, true, false, false);
        deltas.addStageChange("sales", "olena", MONDAY.plusSeconds(60), false, true, true);
        deltas.addStageChange("sales", "olena", Instant.parse("2031-01-06T23:59:59.999999Z"), false, false, false);
        deltas.addStageChange("sales", "taras", TUESDAY, false, false, false);

        assertThat(deltas.qualityDeltas()).extracting(delta -> delta.key().managerId() + " " + delta.key().day()
                        + " " + Arrays.toString(delta.counts()))
                .containsExactly("olena 2031-01-06 [3, 1, 1, 1, 0, 0]", "taras 2031-01-07 [1, 0, 0, 0, 0, 0]");
    }

    @Test
    void aLateCatchUpMarkCountsOnlyTheMoveOnTheMarkedChangesOwnDay() {
        CountDeltas deltas = new CountDeltas();
        deltas.addCatchUpMark("sales", "olena", MONDAY);
        deltas.addStageChange("sales", "olena", TUESDAY, false, false, true);

        assertThat(deltas.qualityDeltas()).extracting(delta -> delta.key().day() + " "
                        + Arrays.toString(delta.counts()))
                .containsExactly("2031-01-06 [0, 0, 0, 1, 0, 0]", "2031-01-07 [1, 0, 0, 1, 0, 0]");
    }

    @Test
    void taskFactsCountByKindUnderTheirAssignee() {
        CountDeltas deltas = new CountDeltas();
        deltas.addTaskFact("sales", "taras", "OVERDUE", MONDAY);
        deltas.addTaskFact("sales", "taras", "RESCHEDULED", MONDAY);
        deltas.addTaskFact("sales", "taras", "RESCHEDULED", MONDAY.plusSeconds(5));

        assertThat(deltas.qualityDeltas()).singleElement().satisfies(delta -> {
            assertThat(delta.key()).isEqualTo(new CountDeltas.QualityKey("sales", "taras", LocalDate.parse("2031-01-06")));
            assertThat(delta.counts()).containsExactly(0, 0, 0, 0, 1, 2);
        });
        assertThatThrownBy(() -> deltas.addTaskFact("sales", "taras", "DONE", MONDAY))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static CountedVisit visit(String manager, Instant exitedAt, String exitKind, boolean shared) {
        return new CountedVisit("sales", 1, "proposal", manager, MONDAY, exitedAt, exitKind,
                "LOST".equals(exitKind) ? "price" : null, shared);
    }

    private static CountDeltas.StageKey key(String manager, String day) {
        return new CountDeltas.StageKey("sales", 1, "proposal", manager, LocalDate.parse(day));
    }
}
