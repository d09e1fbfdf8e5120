-- An attempt claims its handoff with a lease in a short transaction, calls deal-service outside any transaction,
-- and records the outcome in a second one, only while the lease is still its own. A lease left by an instance that
-- died runs out and the handoff is claimable again; the deal's id, derived from the handoff, makes the repeat
-- harmless.
ALTER TABLE handoffs ADD COLUMN claimed_by  VARCHAR(200);
ALTER TABLE handoffs ADD COLUMN lease_until TIMESTAMPTZ;
