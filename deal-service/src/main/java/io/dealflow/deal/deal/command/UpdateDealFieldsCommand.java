package io.dealflow.deal.deal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sets field values; a null or blank value clears the field. */
public record UpdateDealFieldsCommand(@TargetAggregateIdentifier String dealId,
                                      @TargetAggregateVersion Long expectedVersion, Map<String, String> fields,
                                      String actor) {

    public UpdateDealFieldsCommand {
        // LinkedHashMap, not Map.copyOf: a null value is meaningful here (clear the field)
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
