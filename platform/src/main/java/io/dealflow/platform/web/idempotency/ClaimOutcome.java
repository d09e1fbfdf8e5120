package io.dealflow.platform.web.idempotency;

import java.time.OffsetDateTime;

/** What {@link IdempotencyKeyStore#claim} found for a key. */
public sealed interface ClaimOutcome {

    /**
     * The key is ours: run the request. {@code claimedAt} tells our claim apart from a later one on the same key
     * should ours be taken over as abandoned.
     */
    record Claimed(String key, OffsetDateTime claimedAt) implements ClaimOutcome {
    }

    /** The same request already completed: replay its response. */
    record Completed(StoredResponse response) implements ClaimOutcome {
    }

    /** The key was used for a different request. */
    record KeyReused() implements ClaimOutcome {
    }

    /** The same request is still being processed. */
    record InFlight() implements ClaimOutcome {
    }
}
