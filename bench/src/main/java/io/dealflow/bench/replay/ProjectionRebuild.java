package io.dealflow.bench.replay;

import io.dealflow.bench.rest.Rest;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

/**
 * analytics-service's rebuild (its RebuildController): POST starts a replay of every topic into a new generation,
 * GET on the same path tells where it stands. The rate is the service's own count of replayed events over its own
 * start and finish times, so the bench's polling interval does not blur it.
 */
public final class ProjectionRebuild {

    static final String PATH = "/api/v1/admin/projections/rebuild";

    private final Rest rest;
    private final String analyticsUrl;

    public ProjectionRebuild(Rest rest, String analyticsUrl) {
        this.rest = rest;
        this.analyticsUrl = analyticsUrl;
    }

    public Result run(Duration timeout) throws InterruptedException, TimeoutException {
        JsonNode started = rest.post(analyticsUrl + PATH);
        int target = started.path("targetGeneration").asInt();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode status = rest.get(analyticsUrl + PATH);
            String state = status.path("state").asString();
            if (status.path("targetGeneration").asInt() == target && ("DONE".equals(state) || "FAILED".equals(state))) {
                if ("FAILED".equals(state)) {
                    throw new IllegalStateException("The rebuild failed: " + status.path("error").asString());
                }
                Instant from = Instant.parse(status.path("startedAt").asString());
                Instant to = Instant.parse(status.path("finishedAt").asString());
                return new Result(status.path("eventsReplayed").asLong(), Duration.between(from, to));
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("The rebuild is still " + state + " after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    public record Result(long events, Duration took) {

        public double eventsPerSecond() {
            return took.isZero() ? 0 : events / (took.toNanos() / 1e9);
        }
    }
}
