package io.dealflow.deal.imports.csv;

import io.dealflow.deal.deal.command.HistoryRow;
import io.dealflow.deal.imports.RefusedDeal;

/**
 * One CSV record as read: a well-formed history row, or the reason it is not one (which refuses its deal).
 * Exactly one of {@code row} and {@code problem} is set.
 */
public record ReadRow(long line, String externalRef, HistoryRow row, RefusedDeal problem) {

    static ReadRow of(HistoryRow row, String externalRef) {
        return new ReadRow(row.line(), externalRef, row, null);
    }

    static ReadRow invalid(long line, String externalRef, String type, String detail) {
        return new ReadRow(line, externalRef, null, new RefusedDeal(line, externalRef, type, detail));
    }

    public boolean isValid() {
        return problem == null;
    }
}
