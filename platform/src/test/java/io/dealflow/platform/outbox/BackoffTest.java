package io.dealflow.platform.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    @Test
    void pausesDoubleAfterEachFailureUpToTheCeiling() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));

        assertThat(Stream.generate(backoff::afterFailure).limit(7)).extracting(Duration::toSeconds)
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
    }

    @Test
    void aSuccessStartsTheNextOutageAtTheFirstPauseAgain() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30));
        backoff.afterFailure();
        backoff.afterFailure();

        backoff.reset();

        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aFirstPauseAboveTheCeilingIsCappedByIt() {
        Backoff backoff = new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(2));

        assertThat(backoff.afterFailure()).isEqualTo(Duration.ofSeconds(2));
    }
}
