package io.dealflow.task.overdue;

/** What deal-service answered to closing a stale deal. */
record StaleCloseOutcome(Kind kind, String refusal) {

    static final StaleCloseOutcome CLOSED = new StaleCloseOutcome(Kind.CLOSED, null);
    static final StaleCloseOutcome ALREADY_CLOSED = new StaleCloseOutcome(Kind.ALREADY_CLOSED, null);
    static final StaleCloseOutcome RETRY_LATER = new StaleCloseOutcome(Kind.RETRY_LATER, null);

    static StaleCloseOutcome refused(String why) {
        return new StaleCloseOutcome(Kind.REFUSED, why);
    }

    /** Done with this task: the deal is closed, or deal-service refused for good (retrying would not help). */
    boolean settled() {
        return kind != Kind.RETRY_LATER;
    }

    enum Kind { CLOSED, ALREADY_CLOSED, RETRY_LATER, REFUSED }
}
