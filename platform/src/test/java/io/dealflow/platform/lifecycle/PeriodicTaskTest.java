package io.dealflow.platform.lifecycle;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class PeriodicTaskTest {

    @Test
    void aFailedRoundDoesNotStopTheNextOnes() {
        AtomicInteger rounds = new AtomicInteger();
        PeriodicTask task = new PeriodicTask("flaky-housekeeping", Duration.ofMillis(10), () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("the database is restarting");
            }
        });

        task.start();
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> rounds.get() >= 3);
        } finally {
            task.stop();
        }
        assertThat(task.isRunning()).isFalse();
    }

    @Test
    void aRoundNeedsAPositiveInterval() {
        assertThatThrownBy(() -> new PeriodicTask("never", Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
