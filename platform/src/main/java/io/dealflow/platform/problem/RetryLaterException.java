package io.dealflow.platform.problem;

import java.time.Duration;
import java.util.Map;

/**
 * The request cannot be decided yet, and the same request a moment later can be: answered with {@code Retry-After}
 * so that a client tells it from a refusal that stands (and the idempotency filter does not keep it as the final
 * answer). E.g. 409 {@code deal-not-yet-known}: the deal exists, this service has not seen it yet.
 */
public class RetryLaterException extends ProblemException {

    private final Duration retryAfter;

    public RetryLaterException(int status, String type, String detail, Duration retryAfter,
                               Map<String, Object> properties) {
        super(status, type, detail, properties);
        this.retryAfter = retryAfter;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds, at least one: what {@code Retry-After} can say. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
