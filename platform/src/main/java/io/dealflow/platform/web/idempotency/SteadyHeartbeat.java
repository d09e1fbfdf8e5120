package io.dealflow.platform.web.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * This instance's own heartbeat, as evidence that its view of the database is current. Another instance's silence
 * means death only to an instance that has itself been beating without a miss for as long as that silence: after a
 * database outage every instance is silent, and the first to reconnect must not take the keys of one that is merely
 * reconnecting a moment later, whose request may still finish.
 */
final class SteadyHeartbeat {

    private final Duration interval;
    private final Duration needed;
    private final Clock clock;
    private Instant last;
    private Instant since;

    /**
     * @param interval how often beats are due; a gap of more than two intervals breaks the run
     * @param needed   how long an unbroken run of beats must be before others' silence may be judged
     */
    SteadyHeartbeat(Duration interval, Duration needed, Clock clock) {
        this.interval = interval;
        this.needed = needed;
        this.clock = clock;
    }

    synchronized void beat() {
        Instant now = clock.instant();
        if (last == null || late(now)) {
            since = now;
        }
        last = now;
    }

    synchronized void missed() {
        last = null;
        since = null;
    }

    synchronized boolean steady() {
        Instant now = clock.instant();
        return last != null && !late(now) && Duration.between(since, now).compareTo(needed) >= 0;
    }

    private boolean late(Instant now) {
        return Duration.between(last, now).compareTo(interval.multipliedBy(2)) > 0;
    }
}
