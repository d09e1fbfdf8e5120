package io.dealflow.bench.results;

/** docs/performance.md's targets (2 cores, everything on one box), as the table states them. */
public final class Targets {

    public static final double MOVES_PER_SECOND_AT_32 = 2_000;
    public static final double MOVES_SHARE_OF_RAW_INSERTS = 0.5;
    public static final double ALONE_P50_MS = 5;
    public static final double FIXED_RATE_P99_MS = 25;
    public static final double LAG_P99_MS = 200;
    public static final double REPLAY_EVENTS_PER_SECOND = 50_000;
    public static final double IMPORT_ROWS_PER_SECOND = 20_000;
    public static final double REPORT_P95_MS = 50;
    public static final double RSS_GB = 2.5;

    private Targets() {
    }
}
