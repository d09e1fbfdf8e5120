package io.dealflow.analytics.rebuild;

import java.time.Instant;

/**
 * Where a projection rebuild stands. {@code state}: IDLE (none yet), REPLAYING (filling the next generation while
 * the active one answers), SWITCHING (the live consumers of every instance paused for the last stretch), DONE or
 * FAILED. It is the same on every instance: it is read from the database.
 * {@code eventsToReplay} grows once more when the last stretch begins.
 */
public record RebuildStatus(String state, int activeGeneration, Integer targetGeneration, Instant startedAt,
                            Instant finishedAt, long eventsReplayed, long eventsToReplay, String error) {

    public static RebuildStatus idle(int activeGeneration) {
        return new RebuildStatus("IDLE", activeGeneration, null, null, null, 0, 0, null);
    }

    public boolean running() {
        return "REPLAYING".equals(state) || "SWITCHING".equals(state);
    }
}
