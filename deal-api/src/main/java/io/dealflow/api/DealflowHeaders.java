package io.dealflow.api;

/** HTTP headers of the REST contract beyond the standard ones. */
public final class DealflowHeaders {

    /** Makes a POST or PATCH safe to retry: the same key with the same request answers the first response. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /** Who is acting (a user id, or {@code system:<service>}); recorded as the events' {@code actor}. */
    public static final String ACTOR = "X-Actor";

    /** Set on a replayed response to an Idempotency-Key already used. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    public static final String ANONYMOUS_ACTOR = "anonymous";

    private DealflowHeaders() {
    }
}
