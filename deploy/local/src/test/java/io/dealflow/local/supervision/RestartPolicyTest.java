package io.dealflow.local.supervision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class RestartPolicyTest {

    private final RestartPolicy policy = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(5), 4);

    @Test
    void aCrashAfterAHealthyRunComesBackAfterTheInitialWait() {
        assertThat(policy.afterExit(1)).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(1), 1));
    }

    @Test
    void everyStartThatDiesBeforeItIsHealthyDoublesTheWaitUpToTheMaximum() {
        assertThat(policy.afterExit(2)).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(2), 2));
        assertThat(policy.afterExit(3)).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(4), 3));
        assertThat(policy.afterExit(4)).isEqualTo(new RestartPolicy.Restart(Duration.ofSeconds(5), 4));
    }

    @Test
    void afterTheLastAllowedFailureTheLauncherGivesUp() {
        assertThat(policy.afterExit(5)).isEqualTo(new RestartPolicy.GiveUp(4));
        assertThat(policy.afterExit(50)).isInstanceOf(RestartPolicy.GiveUp.class);
    }

    @Test
    void aLongFailureStreakNeverOverflowsTheWait() {
        RestartPolicy patient = new RestartPolicy(Duration.ofSeconds(1), Duration.ofMinutes(1), Integer.MAX_VALUE);

        assertThat(patient.afterExit(200)).isEqualTo(new RestartPolicy.Restart(Duration.ofMinutes(1), 200));
    }

    @Test
    void thereIsNoFailureZero() {
        assertThatThrownBy(() -> policy.afterExit(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPolicyThatCouldNeverRestartIsRefused() {
        assertThatThrownBy(() -> new RestartPolicy(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
