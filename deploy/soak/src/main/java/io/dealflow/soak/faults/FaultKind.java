package io.dealflow.soak.faults;

/** The faults the soak injects (DESIGN §9: kill -9 of any service, of the broker, a PostgreSQL restart). */
public enum FaultKind {
    /** SIGKILL of one service JVM; the launcher must start it again */
    KILL_SERVICE("kill -9"),
    /** the in-JVM broker stopped for a few seconds through the launcher's control endpoint, then restarted */
    KAFKA_RESTART("broker restart"),
    /** pg_terminate_backend of every connection to the soak's databases */
    PG_CONNECTIONS("PostgreSQL connections killed"),
    /** pg_ctlcluster restart of the whole server: only when asked for, since the server is shared */
    PG_RESTART("PostgreSQL restart");

    private final String label;

    FaultKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
