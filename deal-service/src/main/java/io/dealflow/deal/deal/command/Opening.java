package io.dealflow.deal.deal.command;

import io.dealflow.api.deal.DealOpened;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * What a deal was opened with, as the opening request decides it: two requests that would open the same deal are
 * equal. The pipeline version is not part of it, so a repeat after a new pipeline version is still the same request.
 */
record Opening(String pipelineId, String title, String managerId, Map<String, String> fields, List<String> tags,
               String externalRef, String originDealId, String originManagerId) {

    Opening {
        fields = fields == null ? Map.of() : Map.copyOf(fields);
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    static Opening of(DealOpened opened) {
        return new Opening(opened.pipelineId(), opened.title(), opened.managerId(), opened.fields(), opened.tags(),
                opened.externalRef(), opened.originDealId(), opened.originManagerId());
    }

    /** Blank fields and repeated tags open nothing, so they do not make a request different. */
    static Opening requested(OpenDealCommand command) {
        return new Opening(command.pipelineId(), command.title(), command.managerId(), filled(command.fields()),
                List.copyOf(new LinkedHashSet<>(command.tags())), command.externalRef(), command.originDealId(),
                command.originManagerId());
    }

    static Map<String, String> filled(Map<String, String> values) {
        Map<String, String> filled = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                filled.put(name, value);
            }
        });
        return filled;
    }
}
