package io.dealflow.analytics.projection;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.dealflow.api.deal.Direction.BACKWARD;
import static io.dealflow.api.deal.Direction.FORWARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CatchUpRuleTest {

    private static final Instant NINE = Instant.parse("2030-01-15T09:00:00Z");
    private final CatchUpRule rule = new CatchUpRule(Duration.ofMinutes(10));

    @Test
    void twoForwardChangesWithinTheWindowAreARun() {
        assertThat(rule.continuesRun(NINE, FORWARD, FORWARD, NINE.plusSeconds(90))).isTrue();
        assertThat(rule.continuesRun(NINE, FORWARD, FORWARD, NINE.plus(Duration.ofMinutes(10)))).isTrue();
    }

    @Test
    void aForwardChangeAfterTheWindowIsNot() {
        assertThat(rule.continuesRun(NINE, FORWARD, FORWARD, NINE.plus(Duration.ofMinutes(10)).plusMillis(1)))
                .isFalse();
    }

    @Test
    void aBackwardMoveOnEitherSideIsACorrectionNotARun() {
        assertThat(rule.continuesRun(NINE, BACKWARD, FORWARD, NINE.plusSeconds(30))).isFalse();
        assertThat(rule.continuesRun(NINE, FORWARD, BACKWARD, NINE.plusSeconds(30))).isFalse();
    }

    @Test
    void aDealsFirstChangeStartsNoRun() {
        assertThat(rule.continuesRun(null, null, FORWARD, NINE)).isFalse();
    }

    @Test
    void aNegativeWindowIsRefused() {
        assertThatThrownBy(() -> new CatchUpRule(Duration.ofMinutes(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
