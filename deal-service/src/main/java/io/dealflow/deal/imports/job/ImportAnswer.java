package io.dealflow.deal.imports.job;

import io.dealflow.deal.imports.RefusedDeal;

import java.util.List;

/**
 * The answer of an import (DESIGN §7): deals imported, every refused deal (by CSV line), and the events written (for
 * a dry run: that would have been written).
 */
public record ImportAnswer(long imported, List<RefusedDeal> refused, long events) {

    public ImportAnswer {
        refused = List.copyOf(refused);
    }
}
