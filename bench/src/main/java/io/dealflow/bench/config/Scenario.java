package io.dealflow.bench.config;

import java.util.Arrays;
import java.util.Locale;

/** What the bench can measure, in the order a full run measures it. Baselines first: every ratio needs them. */
public enum Scenario {
    BASELINE, OPEN, MOVE, MIXED, FIXED, LAG, SCALE, REPORTS, REPLAY, IMPORT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Scenario of(String id) {
        return Arrays.stream(values()).filter(s -> s.id().equals(id.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown scenario '" + id + "'; known: "
                        + Arrays.stream(values()).map(Scenario::id).toList()));
    }
}
