package io.dealflow.platform.security;

/**
 * Where an endpoint's department comes from, i.e. which departments' callers may use it. Decided before the handler
 * when the request names it ({@link PathVariable}, {@link QueryParameter}); by the handler when it is in the body
 * ({@link Body}) or when the answer is a listing ({@link Listing}).
 */
public sealed interface Scope {

    /** Acts on every department at once (a rebuild of all projections): the caller must act for all. */
    record Everything() implements Scope {
    }

    /** A listing: it shows only the caller's departments' items, filtered by the handler. */
    record Listing() implements Scope {
    }

    /** The department of what a path variable names, e.g. the deal of {@code {dealId}}. */
    record PathVariable(String name, DepartmentLookup lookup) implements Scope {
    }

    /** The department of what a query parameter names, e.g. a report's {@code pipelineId}. */
    record QueryParameter(String name, DepartmentLookup lookup) implements Scope {
    }

    /** The department of what a body field names, checked by the handler once the body is read. */
    record Body(String field) implements Scope {
    }

    static Scope everything() {
        return new Everything();
    }

    static Scope listing() {
        return new Listing();
    }

    static Scope path(String variable, DepartmentLookup lookup) {
        return new PathVariable(variable, lookup);
    }

    static Scope query(String parameter, DepartmentLookup lookup) {
        return new QueryParameter(parameter, lookup);
    }

    static Scope body(String field) {
        return new Body(field);
    }
}
