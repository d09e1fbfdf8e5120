package io.dealflow.handoff.handoff;

public enum HandoffStatus {
    /** Recorded, not yet opened in the target pipeline. */
    PENDING,
    /** Opened in the target pipeline. */
    DONE,
    /** Not opened: a retry is scheduled when the failure was transient; a refusal waits for a person's retry. */
    FAILED
}
