package io.dealflow.deal.deal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Objects;

/**
 * Opens a deal under an id the caller chose, unless that id is already a deal: the form a system uses when a retry
 * must never open a second deal (handoff-service derives the id from the source deal and the route). Opening the
 * same id again with the same request changes nothing; with a different request it is refused.
 */
public record OpenDealIfAbsentCommand(@TargetAggregateIdentifier String dealId, OpenDealCommand opening) {

    public OpenDealIfAbsentCommand {
        Objects.requireNonNull(opening, "opening");
        if (!opening.dealId().equals(dealId)) {
            throw new IllegalArgumentException("The opening names deal " + opening.dealId() + ", not " + dealId);
        }
    }
}
