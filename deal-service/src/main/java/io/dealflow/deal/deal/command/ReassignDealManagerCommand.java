package io.dealflow.deal.deal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record ReassignDealManagerCommand(@TargetAggregateIdentifier String dealId,
                                         @TargetAggregateVersion Long expectedVersion, String managerId,
                                         String actor) {
}
