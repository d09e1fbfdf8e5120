package io.dealflow.api.pipeline;

/** R1: whether a deal may jump over stages when moving forward. */
public enum SkipMode {
    /** Forward moves go one stage at a time. */
    STRICT,
    /** A forward move may skip stages when a reason is given; the skipped stages are recorded, never counted as passed. */
    ALLOW_WITH_REASON
}
