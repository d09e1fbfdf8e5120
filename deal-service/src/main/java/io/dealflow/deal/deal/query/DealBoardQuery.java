package io.dealflow.deal.deal.query;

import io.dealflow.deal.deal.command.DealStatus;

/** Filters of the board; null means "any". */
public record DealBoardQuery(String pipelineId, String stageId, String managerId, DealStatus status, int page,
                             int size) {
}
