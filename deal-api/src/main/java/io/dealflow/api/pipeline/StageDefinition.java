package io.dealflow.api.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * One stage of a pipeline version.
 *
 * @param requiredFields fields that must be non-blank for a deal to be in this stage (R2)
 * @param requiredOneOf  groups of fields of which at least one per group must be non-blank
 *                       (e.g. phone or e-mail at the first sales stage)
 * @param sla            how long a deal may stay before it counts as stuck (R6)
 * @param task           the follow-up task opened on entering the stage (R4)
 */
public record StageDefinition(String id, String name, List<String> requiredFields, List<List<String>> requiredOneOf,
                              Duration sla, TaskTemplate task) {

    public StageDefinition {
        requiredFields = requiredFields == null ? List.of() : List.copyOf(requiredFields);
        requiredOneOf = requiredOneOf == null ? List.of() : requiredOneOf.stream().map(List::copyOf).toList();
    }
}
