package io.dealflow.deal.imports;

import io.dealflow.api.ProblemTypes;
import io.dealflow.deal.imports.csv.DealHistoryDraft;

/** What became of one deal of the file: imported as {@code events} events, or refused. */
public record DealImportOutcome(int events, RefusedDeal refusal) {

    public static DealImportOutcome imported(int events) {
        return new DealImportOutcome(events, null);
    }

    public static DealImportOutcome refused(RefusedDeal refusal) {
        return new DealImportOutcome(0, refusal);
    }

    /** Nothing refused the deal, it could not be decided (the database went away): it is not imported either. */
    public static DealImportOutcome failed(DealHistoryDraft deal, RuntimeException failure) {
        return refused(new RefusedDeal(deal.firstLine(), deal.externalRef(), ProblemTypes.INTERNAL_ERROR,
                "The deal could not be decided (" + failure.getClass().getSimpleName()
                        + "); nothing of it was written. Import the file again: what was imported is skipped."));
    }

    public boolean isImported() {
        return refusal == null;
    }
}
