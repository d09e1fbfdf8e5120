package io.dealflow.deal.imports;

/**
 * A deal of the file that was not imported, nothing of it written: the CSV line of the row that decided it, and the
 * problem type of the rule or check that refused it (one of {@code ProblemTypes}).
 */
public record RefusedDeal(long line, String externalRef, String type, String detail) {
}
