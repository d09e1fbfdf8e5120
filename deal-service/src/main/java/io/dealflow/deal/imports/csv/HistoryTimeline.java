package io.dealflow.deal.imports.csv;

import io.dealflow.api.ProblemTypes;
import io.dealflow.deal.deal.command.HistoryRow;
import io.dealflow.deal.imports.RefusedDeal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A deal's rows are its history in time order: each no earlier than the one before (the same instant is fine: a CRM
 * export often records a move and the fields set with it at one time), and none later than the moment of the import,
 * since an event cannot have happened yet.
 */
public final class HistoryTimeline {

    private HistoryTimeline() {
    }

    public static Optional<RefusedDeal> check(String externalRef, List<HistoryRow> rows, Instant now) {
        Instant previous = Instant.MIN;
        for (HistoryRow row : rows) {
            if (row.occurredAt().isAfter(now)) {
                return Optional.of(new RefusedDeal(row.line(), externalRef, ProblemTypes.IMPORT_ROW_IN_FUTURE,
                        "occurredAt " + row.occurredAt() + " is after the import (" + now
                                + "); history cannot be in the future."));
            }
            if (row.occurredAt().isBefore(previous)) {
                return Optional.of(new RefusedDeal(row.line(), externalRef, ProblemTypes.IMPORT_ROWS_OUT_OF_ORDER,
                        "occurredAt " + row.occurredAt() + " is before the previous row's " + previous
                                + "; a deal's rows are oldest first and never go back in time."));
            }
            previous = row.occurredAt();
        }
        return Optional.empty();
    }
}
