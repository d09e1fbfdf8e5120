package io.dealflow.deal.deal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

public record AttachDocumentCommand(@TargetAggregateIdentifier String dealId,
                                    @TargetAggregateVersion Long expectedVersion, String name, String uri,
                                    String contentType, String actor) {
}
