package io.dealflow.soak.faults;

import java.time.Duration;
import java.time.Instant;

/** A fault as it happened: when, and when the system was healthy again (null if it never was within the wait). */
public record InjectedFault(PlannedFault planned, Instant injectedAt, Instant healthyAt, String note) {

    public Duration recovery() {
        return healthyAt == null ? null : Duration.between(injectedAt, healthyAt);
    }
}
