package io.dealflow.handoff.handoff;

import java.time.Instant;

/**
 * A handoff taken for one attempt: until {@code leaseUntil} no other attempt takes it, and its outcome is recorded
 * only if the lease is still this claim's.
 *
 * @param claimant   the instance that claimed it
 * @param leaseUntil as the database stored it, which also tells this claim from a later one of the same instance
 */
record HandoffClaim(Handoff handoff, String claimant, Instant leaseUntil) {
}
