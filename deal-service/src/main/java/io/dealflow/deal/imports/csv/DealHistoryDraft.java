package io.dealflow.deal.imports.csv;

import io.dealflow.deal.deal.command.HistoryRow;
import io.dealflow.deal.imports.RefusedDeal;

import java.util.List;

/**
 * One deal's consecutive rows of the file: ready for the aggregate, or refused before it (a malformed row, rows out
 * of time order or in the future, too many rows), in which case no command is sent for it.
 *
 * @param rows the deal's rows, oldest first; empty when refused
 */
public record DealHistoryDraft(String externalRef, long firstLine, int rowCount, List<HistoryRow> rows,
                               RefusedDeal refusal) {

    public DealHistoryDraft {
        rows = List.copyOf(rows);
    }

    static DealHistoryDraft refused(String externalRef, long firstLine, int rowCount, RefusedDeal refusal) {
        return new DealHistoryDraft(externalRef, firstLine, rowCount, List.of(), refusal);
    }

    public boolean isRefused() {
        return refusal != null;
    }
}
