package io.dealflow.deal.deal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;

/** Opens a deal in its pipeline's first stage; {@code origin*} are set when another department handed it over. */
public record OpenDealCommand(@TargetAggregateIdentifier String dealId, String pipelineId, String title,
                              String managerId, Map<String, String> fields, List<String> tags, String externalRef,
                              String originDealId, String originManagerId, String actor) {

    public OpenDealCommand {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
