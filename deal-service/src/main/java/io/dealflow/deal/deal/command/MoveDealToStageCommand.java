package io.dealflow.deal.deal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

/** @param reason required for a skip or a backward move, where the pipeline allows them */
public record MoveDealToStageCommand(@TargetAggregateIdentifier String dealId,
                                     @TargetAggregateVersion Long expectedVersion, String stageId, String reason,
                                     String actor) {
}
