package io.dealflow.platform.refusal;

import java.util.Objects;

/**
 * Thrown by a command handler or policy that refuses: carries the {@link Refusal} unchanged through Axon's local
 * command bus and gateway (which rethrow a handler's exception as it is) to the web layer, which renders it.
 */
public class RefusedException extends RuntimeException {

    /** Transient: a refusal is decided and answered in this JVM, never serialized. */
    private final transient Refusal refusal;

    public RefusedException(Refusal refusal) {
        super(Objects.requireNonNull(refusal, "refusal").detail());
        this.refusal = refusal;
    }

    public Refusal refusal() {
        return refusal;
    }
}
