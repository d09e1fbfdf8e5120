package io.dealflow.task.overdue;

import io.dealflow.api.ProblemTypes;
import io.dealflow.dealclient.RemoteDeal;
import io.dealflow.platform.web.client.CallOutcome;

/** What deal-service answered to closing a stale deal. */
record StaleCloseOutcome(Kind kind, String refusal) {

    static final StaleCloseOutcome CLOSED = new StaleCloseOutcome(Kind.CLOSED, null);
    static final StaleCloseOutcome ALREADY_CLOSED = new StaleCloseOutcome(Kind.ALREADY_CLOSED, null);
    static final StaleCloseOutcome RETRY_LATER = new StaleCloseOutcome(Kind.RETRY_LATER, null);

    static StaleCloseOutcome refused(String why) {
        return new StaleCloseOutcome(Kind.REFUSED, why);
    }

    /**
     * A loss is decided once, so asking again is safe: a repeat after a lost answer is replayed under the task's
     * idempotency key, or, once the key expired, refused as {@code deal-closed}, which means the same thing here.
     */
    static StaleCloseOutcome of(CallOutcome<RemoteDeal> call) {
        if (call instanceof CallOutcome.Accepted<RemoteDeal>) {
            return CLOSED;
        }
        CallOutcome.Failure<RemoteDeal> failure = (CallOutcome.Failure<RemoteDeal>) call;
        if (failure.retryable()) {
            return RETRY_LATER;
        }
        if (ProblemTypes.DEAL_CLOSED.equals(failure.problem().type())) {
            return ALREADY_CLOSED;
        }
        return refused(failure.problem().status() + " " + failure.problem().type() + ": " + failure.problem().detail());
    }

    /** Done with this task: the deal is closed, or deal-service refused for good (retrying would not help). */
    boolean settled() {
        return kind != Kind.RETRY_LATER;
    }

    enum Kind { CLOSED, ALREADY_CLOSED, RETRY_LATER, REFUSED }
}
