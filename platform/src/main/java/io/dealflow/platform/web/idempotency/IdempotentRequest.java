package io.dealflow.platform.web.idempotency;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Optional;

/**
 * The {@code Idempotency-Key} claim of the request being handled, as {@link IdempotencyFilter} took it, for a handler
 * that must recognise its own earlier, abandoned run. The filter replays a completed request's answer by itself; what
 * it cannot do is tell whether a request whose instance died mid-way had already written its effect: the effect and
 * the stored answer are separate transactions. A handler whose effect is not naturally idempotent (a stage change, a
 * new deal under a generated id) marks its effect with {@link #key()} and, when {@link #takenOver()}, looks for that
 * mark before acting again.
 *
 * @param key       the caller's own key (scoped to the authenticated principal, as the filter stores it)
 * @param takenOver whether an earlier run of this same request was abandoned in flight and this run took its key over
 */
public record IdempotentRequest(String key, boolean takenOver) {

    static final String ATTRIBUTE = IdempotentRequest.class.getName();

    /** The claim of the current servlet request, if it came with a key. */
    public static Optional<IdempotentRequest> current() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (!(attributes instanceof ServletRequestAttributes servlet)) {
            return Optional.empty();
        }
        return of(servlet.getRequest());
    }

    public static Optional<IdempotentRequest> of(HttpServletRequest request) {
        return Optional.ofNullable((IdempotentRequest) request.getAttribute(ATTRIBUTE));
    }
}
