package io.dealflow.deal.deal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * One deal's history from another CRM, oldest row first (DESIGN §7). The deal id is derived from the pipeline and
 * the {@code externalRef}, so importing the same deal again addresses the same aggregate.
 *
 * @param actor who imports (the token's person); the actor of every event of the history
 */
public record ImportDealHistoryCommand(@TargetAggregateIdentifier String dealId, String pipelineId,
                                       String externalRef, List<HistoryRow> rows, String actor) {

    public ImportDealHistoryCommand {
        rows = List.copyOf(rows);
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("A deal's history has at least one row");
        }
    }
}
