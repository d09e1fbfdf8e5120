package io.dealflow.deal.deal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Opens a deal in its pipeline's first stage; {@code origin*} are set when another department handed it over. */
public record OpenDealCommand(@TargetAggregateIdentifier String dealId, String pipelineId, String title,
                              String managerId, Map<String, String> fields, List<String> tags, String externalRef,
                              String originDealId, String originManagerId, String actor) {

    /** A field given as null at opening is not filled, like a blank one: it is left out, never a failure. */
    public OpenDealCommand {
        fields = fields == null ? Map.of() : fields.entrySet().stream()
                .filter(field -> field.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
