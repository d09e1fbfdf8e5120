package io.dealflow.platform.web.idempotency;

import io.dealflow.platform.testing.MutableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SteadyHeartbeatTest {

    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final Duration NEEDED = Duration.ofSeconds(20);

    private final MutableClock clock = new MutableClock();
    private final SteadyHeartbeat heartbeat = new SteadyHeartbeat(INTERVAL, NEEDED, clock);

    @Test
    void anInstanceThatNeverBeatIsNotSteady() {
        assertThat(heartbeat.steady()).isFalse();
    }

    @Test
    void beatsOnTimeForTheWholeNeededStretchAreSteady() {
        beatEveryIntervalFor(NEEDED.minusSeconds(2));
        assertThat(heartbeat.steady()).as("18 s of beats").isFalse();

        beatEveryIntervalFor(Duration.ofSeconds(2));
        assertThat(heartbeat.steady()).as("20 s of beats").isTrue();
    }

    @Test
    void aBeatOverdueByMoreThanTwoIntervalsIsNotSteady() {
        beatEveryIntervalFor(NEEDED.plusSeconds(10));

        clock.advance(INTERVAL.multipliedBy(2).plusMillis(1));

        assertThat(heartbeat.steady()).as("a heartbeat hanging on an unreachable database").isFalse();
    }

    @Test
    void aGapStartsTheRunAgain() {
        beatEveryIntervalFor(NEEDED.plusSeconds(10));
        clock.advance(Duration.ofSeconds(5));
        heartbeat.beat();

        assertThat(heartbeat.steady()).isFalse();
        beatEveryIntervalFor(NEEDED);
        assertThat(heartbeat.steady()).isTrue();
    }

    @Test
    void aMissedBeatStartsTheRunAgain() {
        beatEveryIntervalFor(NEEDED.plusSeconds(10));

        heartbeat.missed();
        heartbeat.beat();

        assertThat(heartbeat.steady()).isFalse();
    }

    private void beatEveryIntervalFor(Duration stretch) {
        Instant end = clock.instant().plus(stretch);
        heartbeat.beat();
        while (clock.instant().isBefore(end)) {
            clock.advance(INTERVAL);
            heartbeat.beat();
        }
    }
}
