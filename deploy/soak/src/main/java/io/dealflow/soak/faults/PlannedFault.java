package io.dealflow.soak.faults;

import java.time.Duration;

/** A fault to inject {@code after} the traffic started; {@code target} names the service for a kill. */
public record PlannedFault(Duration after, FaultKind kind, String target) {

    public String describe() {
        return kind.label() + (target == null ? "" : " " + target);
    }
}
