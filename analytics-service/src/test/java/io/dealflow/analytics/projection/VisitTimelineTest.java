package io.dealflow.analytics.projection;

import io.dealflow.analytics.projection.VisitTimeline.PreviousChange;
import io.dealflow.analytics.projection.VisitTimeline.Step;
import io.dealflow.api.deal.Direction;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class VisitTimelineTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private final VisitTimeline timeline = new VisitTimeline(new CatchUpRule(Duration.ofMinutes(10)));

    @Test
    void aDealsFirstStageChangeEndsTheOpeningVisitAndStartsTheSecondAndMarksNothing() {
        Step step = timeline.change(1, null, Direction.FORWARD, AT);

        assertThat(step.ends()).isEqualTo(1);
        assertThat(step.starts()).isEqualTo(2);
        assertThat(step.catchUp()).isFalse();
    }

    @Test
    void aSecondForwardChangeWithinTheWindowMarksBothVisitsOfTheRunAndTheEarlierChange() {
        Step step = timeline.change(3, new PreviousChange(5, AT.minus(Duration.ofMinutes(2)), Direction.FORWARD),
                Direction.FORWARD, AT);

        assertThat(step.ends()).isEqualTo(3);
        assertThat(step.starts()).isEqualTo(4);
        assertThat(step.catchUp()).isTrue();
        assertThat(step.run().visits()).as("the visit the earlier change ended and the one it started")
                .containsExactly(2, 3);
        assertThat(step.run().earlierChange()).isEqualTo(5);
    }

    @Test
    void theWindowsLastInstantStillContinuesTheRun() {
        assertThat(timeline.change(2, new PreviousChange(1, AT.minus(Duration.ofMinutes(10)), Direction.FORWARD),
                Direction.FORWARD, AT).catchUp()).isTrue();
    }

    @Test
    void aForwardChangeAfterTheWindowIsRealWork() {
        assertThat(timeline.change(2, new PreviousChange(1, AT.minus(Duration.ofMinutes(10)).minusMillis(1),
                Direction.FORWARD), Direction.FORWARD, AT).catchUp()).isFalse();
    }

    @Test
    void aBackwardMoveIsACorrectionNeverPartOfARun() {
        PreviousChange forward = new PreviousChange(1, AT.minusSeconds(30), Direction.FORWARD);
        PreviousChange backward = new PreviousChange(1, AT.minusSeconds(30), Direction.BACKWARD);

        assertThat(timeline.change(2, forward, Direction.BACKWARD, AT).catchUp()).isFalse();
        assertThat(timeline.change(2, backward, Direction.FORWARD, AT).catchUp()).isFalse();
    }

    @Test
    void aBackwardMoveStillEndsTheCurrentVisitAndStartsTheNext() {
        Step step = timeline.change(4, new PreviousChange(1, AT.minusSeconds(30), Direction.FORWARD),
                Direction.BACKWARD, AT);

        assertThat(step.ends()).isEqualTo(4);
        assertThat(step.starts()).isEqualTo(5);
    }
}
