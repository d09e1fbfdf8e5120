package io.dealflow.platform.refusal;

import java.util.Map;

/**
 * A rule's refusal as the domain states it: which rule (a problem type slug of {@code io.dealflow.api.ProblemTypes}),
 * what a human should do about it, and the data a client needs to act on it. It says nothing of HTTP: a service's
 * {@link RefusalProblems} table gives each refusal its status, once, at the edge.
 *
 * <p>Implemented by the records of a sealed interface per aggregate, one record per rule, so that a test names the
 * rule it expects ({@code SkipNotAllowed}), not a status or a slug.
 */
public interface Refusal {

    /** The problem type slug that names the rule, e.g. {@code stage-skip-not-allowed}. */
    String type();

    /** What happened in this occurrence and what the client can do about it. */
    String detail();

    /** Extension members of the problem, in the order they are rendered; none by default. */
    default Map<String, Object> properties() {
        return Map.of();
    }
}
