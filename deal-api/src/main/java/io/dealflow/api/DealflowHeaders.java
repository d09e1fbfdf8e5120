package io.dealflow.api;

/** HTTP headers of the REST contract beyond the standard ones. */
public final class DealflowHeaders {

    /** Makes a POST or PATCH safe to retry: the same key with the same request answers the first response. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    /**
     * The person an {@code integration} client acts for; recorded as the events' {@code actor}. Without that role the
     * header is refused: the actor is then the token's subject.
     */
    public static final String ACTOR = "X-Actor";

    /** Set on a replayed response to an Idempotency-Key already used. */
    public static final String IDEMPOTENT_REPLAYED = "Idempotent-Replayed";

    private DealflowHeaders() {
    }
}
