package io.dealflow.analytics.loss;

/** Deals lost at one stage for one reason; {@code share} = count / all deals lost at that stage (same filter). */
public record LossReasonRow(String pipelineId, String stageId, String reasonCode, long count, double share,
                            int pipelineVersion) {
}
