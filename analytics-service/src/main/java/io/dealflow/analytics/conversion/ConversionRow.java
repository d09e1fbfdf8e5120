package io.dealflow.analytics.conversion;

/**
 * One manager at one stage: distinct deals that entered it, advanced from it (forward move or won), were lost in
 * it and are still there; {@code rate} = advanced / entered.
 */
public record ConversionRow(String pipelineId, String managerId, String stageId, long entered, long advanced,
                            long lost, double rate, long stillThere, int pipelineVersion) {
}
