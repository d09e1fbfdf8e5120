package io.dealflow.task.deal;

/** What task-service knows of a deal from its events. */
public record TrackedDeal(String dealId, String pipelineId, int pipelineVersion, String title, String stageId,
                          String managerId, boolean open) {
}
