-- The purge deletes keys past their retention (dealflow.http.idempotency.retention) by age.
CREATE INDEX idempotency_keys_by_age ON idempotency_keys (created_at);
