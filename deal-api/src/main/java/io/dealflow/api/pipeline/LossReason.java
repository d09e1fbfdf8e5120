package io.dealflow.api.pipeline;

/** One entry of a pipeline's closed list of loss reasons (R3). */
public record LossReason(String code, String label) {

    /** The reason task-service uses when a follow-up task stayed overdue past the pipeline's {@code staleAfter} (R5). */
    public static final String STALE = "stale";
}
