package io.dealflow.analytics.timeinstage;

/**
 * Time in one stage, in seconds, over finished non-catch-up visits; null statistics when there were none.
 * {@code pipelineVersion} is the version the visits entered the stage under (R10).
 */
public record TimeInStageRow(String pipelineId, String stageId, long visits, Double avgSeconds,
                             Double medianSeconds, Double p90Seconds, Double maxSeconds, long catchUpVisits,
                             int pipelineVersion) {
}
