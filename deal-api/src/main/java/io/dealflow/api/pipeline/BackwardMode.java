package io.dealflow.api.pipeline;

/** Whether a deal may move back to an earlier stage. */
public enum BackwardMode {
    FORBIDDEN,
    /** A backward move needs a reason, so that analytics can tell rework from data-entry fixes. */
    ALLOW_WITH_REASON
}
