package io.dealflow.analytics.projection;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static CountedVisit visit(String manager, Instant exitedAt, String exitKind, boolean shared) {
        return new CountedVisit("sales", 1, "proposal", manager, MONDAY, exitedAt, exitKind,
                "LOST".equals(exitKind) ? "price" : null, shared);
    }

    private static CountDeltas.StageKey key(String manager, String day) {
        return new CountDeltas.StageKey("sales", 1, "proposal", manager, LocalDate.parse(day));
    }
}
