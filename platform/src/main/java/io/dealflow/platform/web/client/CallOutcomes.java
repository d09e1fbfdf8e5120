package io.dealflow.platform.web.client;

import io.dealflow.api.ProblemTypes;

import java.util.Set;
import java.util.function.Supplier;

/** The one table from an HTTP answer to a {@link CallOutcome}, for every service-to-service call. */
public final class CallOutcomes {

    /** 409s that are races: the same call a moment later can succeed. Any other 409 stands. */
    static final Set<String> RETRYABLE_CONFLICTS = Set.of(ProblemTypes.VERSION_CONFLICT,
            ProblemTypes.IDEMPOTENCY_KEY_IN_FLIGHT, ProblemTypes.DEAL_NOT_YET_KNOWN);

    private CallOutcomes() {
    }

    /**
     * @param problem the body read as a problem (used for every status but a success)
     * @param body    the body read as the success type (called only for a success)
     */
    public static <T> CallOutcome<T> of(int status, Supplier<RemoteProblem> problem, Supplier<T> body) {
        if (status == 202) {
            // accepted for later is not an answer: asking again is how to learn the outcome
            return new CallOutcome.Unavailable<>(problem.get());
        }
        if (status >= 200 && status < 300) {
            return new CallOutcome.Accepted<>(status, body.get());
        }
        RemoteProblem refusal = problem.get();
        if (status == 404) {
            return new CallOutcome.NotFound<>(refusal);
        }
        if (status == 409) {
            return RETRYABLE_CONFLICTS.contains(refusal.type()) ? new CallOutcome.Conflict<>(refusal)
                    : new CallOutcome.Refused<>(refusal);
        }
        if (status == 401 || status == 408 || status == 429 || status >= 500) {
            return new CallOutcome.Unavailable<>(refusal);
        }
        return new CallOutcome.Refused<>(refusal);
    }
}
