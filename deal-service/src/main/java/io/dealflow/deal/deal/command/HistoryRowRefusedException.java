package io.dealflow.deal.deal.command;

import io.dealflow.platform.refusal.Refusal;

/**
 * A row of an imported history that a funnel rule refused: the rule's own refusal, and the CSV line it came from.
 * The whole deal is refused with it.
 */
public class HistoryRowRefusedException extends RuntimeException {

    private final long line;
    private final transient Refusal refusal;

    public HistoryRowRefusedException(long line, Refusal refusal) {
        super("line " + line + ": " + refusal.detail());
        this.line = line;
        this.refusal = refusal;
    }

    public long line() {
        return line;
    }

    public Refusal refusal() {
        return refusal;
    }
}
