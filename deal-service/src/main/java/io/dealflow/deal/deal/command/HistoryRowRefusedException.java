package io.dealflow.deal.deal.command;

import io.dealflow.platform.problem.ProblemException;

/**
 * A row of an imported history that a funnel rule refused: the rule's own problem, and the CSV line it came from.
 * The whole deal is refused with it.
 */
public class HistoryRowRefusedException extends RuntimeException {

    private final long line;
    private final transient ProblemException refusal;

    public HistoryRowRefusedException(long line, ProblemException refusal) {
        super("line " + line + ": " + refusal.detail(), refusal);
        this.line = line;
        this.refusal = refusal;
    }

    public long line() {
        return line;
    }

    public ProblemException refusal() {
        return refusal;
    }
}
