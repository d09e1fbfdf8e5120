package io.dealflow.deal.deal.command;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One change in an imported deal's life: a CSV row, already well-formed (see the import's row reader). Optional
 * columns left empty are null.
 *
 * @param line   the CSV line the row starts on, for the answer's refusals
 * @param fields the {@code field.<name>} values set on this row; an empty value clears the field, as in a live PATCH
 */
public record HistoryRow(long line, Instant occurredAt, HistoryAction action, String stageId, String managerId,
                         String title, String reasonCode, String comment, Map<String, String> fields) {

    public HistoryRow {
        // LinkedHashMap, not Map.copyOf: a null value clears the field
        fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }
}
