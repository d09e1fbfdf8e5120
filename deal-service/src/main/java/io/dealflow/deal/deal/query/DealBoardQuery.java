package io.dealflow.deal.deal.query;

import io.dealflow.deal.deal.command.DealStatus;

import java.util.Set;

/**
 * Filters of the board; null means "any".
 *
 * @param visiblePipelines the pipelines the caller may see (its departments'), or null for all
 */
public record DealBoardQuery(String pipelineId, Set<String> visiblePipelines, String stageId, String managerId,
                             DealStatus status, int page, int size) {
}
