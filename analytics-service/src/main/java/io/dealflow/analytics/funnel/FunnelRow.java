package io.dealflow.analytics.funnel;

/** Open deals in one stage at the report's instant. */
public record FunnelRow(String pipelineId, String stageId, long open, int pipelineVersion) {
}
