package io.dealflow.deal.imports.csv;

import io.dealflow.api.ProblemTypes;
import io.dealflow.deal.deal.command.HistoryRow;
import io.dealflow.deal.imports.RefusedDeal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;

/**
 * Groups a stream of rows into deals as it goes: a deal is its consecutive rows with one {@code externalRef}. Only
 * the deal being gathered is held, and a deal may have at most {@code maxRowsPerDeal} rows, so memory stays bounded
 * whatever the file's size. A deal with one bad row is refused whole, with that row's line.
 */
public final class DealHistories implements Iterator<DealHistoryDraft> {

    private final Iterator<ReadRow> rows;
    private final Instant now;
    private final int maxRowsPerDeal;
    private ReadRow pending;

    public DealHistories(Iterator<ReadRow> rows, Instant now, int maxRowsPerDeal) {
        this.rows = rows;
        this.now = now;
        this.maxRowsPerDeal = maxRowsPerDeal;
    }

    @Override
    public boolean hasNext() {
        return pending != null || rows.hasNext();
    }

    @Override
    public DealHistoryDraft next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        ReadRow first = pending != null ? pending : rows.next();
        pending = null;
        String externalRef = first.externalRef();
        List<HistoryRow> gathered = new ArrayList<>();
        RefusedDeal refusal = null;
        int count = 0;
        ReadRow current = first;
        while (true) {
            count++;
            if (refusal == null) {
                if (!current.isValid()) {
                    refusal = current.problem();
                } else if (count > maxRowsPerDeal) {
                    refusal = new RefusedDeal(current.line(), externalRef, ProblemTypes.IMPORT_ROW_INVALID,
                            "Deal '" + externalRef + "' has more than " + maxRowsPerDeal + " rows.");
                } else {
                    gathered.add(current.row());
                }
                if (refusal != null) {
                    gathered = List.of();
                }
            }
            if (externalRef == null || !rows.hasNext()) {
                break;
            }
            ReadRow following = rows.next();
            if (!Objects.equals(following.externalRef(), externalRef)) {
                pending = following;
                break;
            }
            current = following;
        }
        if (refusal == null) {
            refusal = HistoryTimeline.check(externalRef, gathered, now).orElse(null);
        }
        return refusal == null
                ? new DealHistoryDraft(externalRef, first.line(), count, gathered, null)
                : DealHistoryDraft.refused(externalRef, first.line(), count, refusal);
    }
}
