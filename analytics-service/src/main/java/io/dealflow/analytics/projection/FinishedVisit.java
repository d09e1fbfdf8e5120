package io.dealflow.analytics.projection;

import java.time.Duration;

/** A visit an event has just ended, for the metrics. {@code exitKind}: FORWARD, BACKWARD, WON or LOST. */
public record FinishedVisit(String pipelineId, int pipelineVersion, String stageId, String exitKind,
                            Duration duration) {
}
