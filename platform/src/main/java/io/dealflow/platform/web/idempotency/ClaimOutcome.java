package io.dealflow.platform.web.idempotency;

import java.time.OffsetDateTime;

/** What {@link IdempotencyKeyStore#claim} found for a key. */
public sealed interface ClaimOutcome {

    /**
     * The key is ours: run the request. {@code claimedAt} tells our claim apart from a later one on the same key
     * should ours be taken over as abandoned; {@code takenOver} says that an earlier run of this very request was
     * abandoned in flight, so its effect may already be stored without its answer.
     */
    record Claimed(String key, OffsetDateTime claimedAt, boolean takenOver) implements ClaimOutcome {

        public Claimed(String key, OffsetDateTime claimedAt) {
            this(key, claimedAt, false);
        }
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
