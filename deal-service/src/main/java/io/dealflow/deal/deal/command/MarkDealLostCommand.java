package io.dealflow.deal.deal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record MarkDealLostCommand(@TargetAggregateIdentifier String dealId,
                                  @TargetAggregateVersion Long expectedVersion, String reasonCode, String comment,
                                  String actor) {
}
