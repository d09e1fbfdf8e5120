package io.dealflow.soak.ledger;

/** How a command ended for the soak, after its retries with the same Idempotency-Key. */
public enum Outcome {
    /** a 2xx: the command must have exactly one effect */
    ACCEPTED,
    /** a 4xx: the command must have no effect */
    REFUSED,
    /** no final answer within the retry budget (connection failures, 5xx): at most one effect */
    UNKNOWN
}
