package io.dealflow.platform.outbox;

import java.time.Duration;

/** Pauses that double after every consecutive failure up to a ceiling, so a long outage costs few attempts. */
final class Backoff {

    private final Duration initial;
    private final Duration max;
    private Duration next;

    Backoff(Duration initial, Duration max) {
        this.initial = initial.compareTo(max) > 0 ? max : initial;
        this.max = max;
        this.next = this.initial;
    }

    /** The pause after one more failure. */
    Duration afterFailure() {
        Duration pause = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return pause;
    }

    void reset() {
        next = initial;
    }
}
