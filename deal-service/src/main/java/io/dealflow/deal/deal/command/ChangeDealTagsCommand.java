package io.dealflow.deal.deal.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;

import java.util.List;

public record ChangeDealTagsCommand(@TargetAggregateIdentifier String dealId,
                                    @TargetAggregateVersion Long expectedVersion, List<String> add,
                                    List<String> remove, String actor) {

    public ChangeDealTagsCommand {
        add = add == null ? List.of() : List.copyOf(add);
        remove = remove == null ? List.of() : List.copyOf(remove);
    }
}
