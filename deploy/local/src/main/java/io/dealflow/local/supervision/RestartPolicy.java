package io.dealflow.local.supervision;

import java.time.Duration;
import java.util.Objects;

/**
 * When the launcher brings back something that stopped on its own (a service JVM, the in-JVM broker), and when it
 * stops trying. {@code consecutiveFailures} counts the exits since the process last became healthy, the exit just
 * seen included: a crash after a healthy run is failure 1 and comes back after {@link #initialBackoff()}; every start
 * that dies again before it is healthy doubles the wait, up to {@link #maxBackoff()}; once {@link #maxFailures()}
 * restarts in a row have died before they were healthy the launcher gives up, since the cause (a port taken, a
 * database gone, a broken jar) will not go away by itself.
 */
public record RestartPolicy(Duration initialBackoff, Duration maxBackoff, int maxFailures) {

    /** 1 s, 2 s, 4 s, 8 s, 16 s: about half a minute of trying, about what a service takes to start twice. */
    public static final RestartPolicy DEFAULT = new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5);

    public RestartPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new IllegalArgumentException("initialBackoff must be positive: " + initialBackoff);
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff " + maxBackoff + " is shorter than initialBackoff "
                    + initialBackoff);
        }
        if (maxFailures < 1) {
            throw new IllegalArgumentException("maxFailures must be at least 1: " + maxFailures);
        }
    }

    /** What to do about the {@code consecutiveFailures}-th exit without a healthy run in between (from 1). */
    public Decision afterExit(int consecutiveFailures) {
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("an exit is failure 1 or later, not " + consecutiveFailures);
        }
        if (consecutiveFailures > maxFailures) {
            return new GiveUp(consecutiveFailures - 1);
        }
        // doubling from the initial wait; the shift is capped so a long failure streak cannot overflow
        long millis = initialBackoff.toMillis() << Math.min(consecutiveFailures - 1, 20);
        return new Restart(Duration.ofMillis(Math.min(millis, maxBackoff.toMillis())), consecutiveFailures);
    }

    public sealed interface Decision permits Restart, GiveUp {
    }

    /** Start it again after {@code delay}; {@code attempt} is the how-manieth try since it was last healthy. */
    public record Restart(Duration delay, int attempt) implements Decision {
    }

    /** Stop trying: {@code failedRestarts} restarts in a row died before they were healthy. */
    public record GiveUp(int failedRestarts) implements Decision {
    }
}
