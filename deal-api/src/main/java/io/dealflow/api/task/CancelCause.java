package io.dealflow.api.task;

public enum CancelCause {
    /** The deal left the stage whose automatic task this was. */
    SUPERSEDED,
    /** The deal was won or lost. */
    DEAL_CLOSED,
    /** The deal's manager changed; the task was reopened for the new manager. */
    REASSIGNED
}
