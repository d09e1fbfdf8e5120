package io.dealflow.analytics.stuck;

import java.time.Instant;

/** An open deal that has been in its stage longer than the stage's SLA (R6). */
public record StuckDealRow(String pipelineId, String stageId, String dealId, String managerId, Instant enteredAt,
                           long secondsInStage, long slaSeconds, long secondsOverSla, int pipelineVersion) {
}
