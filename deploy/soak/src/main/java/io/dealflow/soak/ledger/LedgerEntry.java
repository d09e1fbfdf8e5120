package io.dealflow.soak.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One command the soak sent and the answer it finally got.
 *
 * @param id             the ledger's own number, in the order commands were sent
 * @param dealId         the deal commanded (for an accepted open: the id deal-service chose; null if never known)
 * @param externalRef    for an open: the reference the soak gave the deal, unique per open command
 * @param stageId        for a move: the target stage; for a task completion: the task's stage
 * @param version        the deal version (ETag) the answer carried, null without one
 * @param problemType    the problem's slug of a refusal or of the last failed attempt, null otherwise
 * @param attempts       how many times it was sent (a retry keeps the Idempotency-Key)
 */
public record LedgerEntry(long id, CommandKind kind, String dealId, String pipelineId, String externalRef,
                          String stageId, String idempotencyKey, Outcome outcome, int status, Long version,
                          String problemType, int attempts, Instant sentAt, Instant answeredAt) {

    public LedgerEntry {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(sentAt, "sentAt");
        Objects.requireNonNull(answeredAt, "answeredAt");
    }

    public boolean accepted() {
        return outcome == Outcome.ACCEPTED;
    }
}
