package io.dealflow.analytics.projection;

import io.dealflow.api.deal.Direction;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * R9: a deal dragged through stages "when the manager remembered the CRM". A forward stage change that comes within
 * {@code window} of the deal's previous change, itself forward, makes both changes one catch-up run: the stay the
 * earlier change started, ended by this one, lasted too little to be real work, and so did the one before. Backward
 * moves are corrections, never part of a run. The change at exactly {@code window} still counts.
 */
public record CatchUpRule(Duration window) {

    public CatchUpRule {
        Objects.requireNonNull(window, "window");
        if (window.isNegative()) {
            throw new IllegalArgumentException("The catch-up window must not be negative, got " + window);
        }
    }

    /**
     * @param previousAt        when the deal's previous stage change happened, or null if this is its first
     * @param previousDirection that change's direction, or null if this is its first
     */
    public boolean continuesRun(Instant previousAt, Direction previousDirection, Direction direction, Instant at) {
        return direction == Direction.FORWARD
                && previousDirection == Direction.FORWARD
                && previousAt != null
                && Duration.between(previousAt, at).compareTo(window) <= 0;
    }
}
