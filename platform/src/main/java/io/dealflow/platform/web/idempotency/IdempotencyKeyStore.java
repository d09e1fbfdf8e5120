package io.dealflow.platform.web.idempotency;

import io.dealflow.platform.web.idempotency.ClaimOutcome.Claimed;
import io.dealflow.platform.web.idempotency.ClaimOutcome.Completed;
import io.dealflow.platform.web.idempotency.ClaimOutcome.InFlight;
import io.dealflow.platform.web.idempotency.ClaimOutcome.KeyReused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Idempotency keys in the service's own PostgreSQL database ({@code idempotency_keys}), so that every instance of
 * a service sees the same keys.
 *
 * <p>Each statement commits on its own: the in-flight row must be visible to a concurrent retry while the request
 * runs, and the handler's own transactions must not include it.
 */
public class IdempotencyKeyStore {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeyStore.class);
    private static final TypeReference<LinkedHashMap<String, String>> HEADERS = new TypeReference<>() {
    };
    /** A claim can vanish between our insert and our read only if its owner released it; one more try suffices. */
    private static final int CLAIM_ATTEMPTS = 3;
    private static final int PURGE_BATCH = 5_000;

    private final JdbcTemplate jdbc;
    private final Duration inFlightTimeout;
    private final JsonMapper json = JsonMapper.shared();

    /**
     * @param inFlightTimeout after this long an unfinished claim counts as abandoned (its instance died mid-request)
     *                        and the key may be claimed again; keep it above the longest request time
     */
    public IdempotencyKeyStore(DataSource dataSource, Duration inFlightTimeout) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.inFlightTimeout = inFlightTimeout;
    }

    public ClaimOutcome claim(String key, String fingerprint) {
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            List<OffsetDateTime> claimed = jdbc.query("""
                            INSERT INTO idempotency_keys (key, fingerprint, created_at)
                            VALUES (?, ?, clock_timestamp())
                            ON CONFLICT (key) DO NOTHING
                            RETURNING created_at""",
                    (row, n) -> row.getObject("created_at", OffsetDateTime.class), key, fingerprint);
            if (!claimed.isEmpty()) {
                return new Claimed(key, claimed.get(0));
            }
            List<ExistingKey> existing = jdbc.query("""
                            SELECT fingerprint, status, headers::text AS headers, body, created_at
                            FROM idempotency_keys WHERE key = ?""",
                    (row, n) -> new ExistingKey(row.getString("fingerprint"),
                            (Integer) row.getObject("status"), row.getString("headers"), row.getBytes("body"),
                            row.getObject("created_at", OffsetDateTime.class)),
                    key);
            if (existing.isEmpty()) {
                continue;
            }
            ExistingKey found = existing.get(0);
            if (!found.fingerprint().equals(fingerprint)) {
                return new KeyReused();
            }
            if (found.status() != null) {
                return new Completed(new StoredResponse(found.status(), readHeaders(found.headers()),
                        found.body() == null ? new byte[0] : found.body()));
            }
            if (!takeOverIfAbandoned(key, found.createdAt())) {
                return new InFlight();
            }
        }
        return new InFlight();
    }

    /** Records the response of a claimed request, so that retries replay it. */
    public void complete(Claimed claim, StoredResponse response) {
        int updated = jdbc.update("""
                        UPDATE idempotency_keys
                        SET status = ?, headers = ?::jsonb, body = ?, completed_at = clock_timestamp()
                        WHERE key = ? AND created_at = ? AND completed_at IS NULL""",
                response.status(), json.writeValueAsString(response.headers()), response.body(),
                claim.key(), claim.claimedAt());
        if (updated == 0) {
            log.warn("Idempotency key {} was taken over before its request completed; its response is not stored."
                    + " Raise dealflow.http.idempotency.in-flight-timeout above the slowest request.", claim.key());
        }
    }

    /** Forgets a claim whose request failed, so that the client may retry with the same key. */
    public void release(Claimed claim) {
        jdbc.update("DELETE FROM idempotency_keys WHERE key = ? AND created_at = ? AND completed_at IS NULL",
                claim.key(), claim.claimedAt());
    }

    /**
     * Deletes the keys claimed more than {@code retention} ago, finished or not, a bounded batch per statement so
     * that no statement holds many row locks or runs long beside the requests.
     *
     * @return how many keys were deleted
     */
    public int purgeOlderThan(Duration retention) {
        int purged = 0;
        int deleted;
        do {
            deleted = jdbc.update("""
                            DELETE FROM idempotency_keys WHERE key IN (
                                SELECT key FROM idempotency_keys
                                WHERE created_at < clock_timestamp() - make_interval(secs => ?)
                                LIMIT ?)""",
                    retention.toMillis() / 1000.0, PURGE_BATCH);
            purged += deleted;
        } while (deleted == PURGE_BATCH);
        if (purged > 0) {
            log.debug("Purged {} idempotency keys older than {}", purged, retention);
        }
        return purged;
    }

    private boolean takeOverIfAbandoned(String key, OffsetDateTime claimedAt) {
        int deleted = jdbc.update("""
                        DELETE FROM idempotency_keys
                        WHERE key = ? AND created_at = ? AND completed_at IS NULL
                          AND created_at < clock_timestamp() - make_interval(secs => ?)""",
                key, claimedAt, inFlightTimeout.toMillis() / 1000.0);
        if (deleted > 0) {
            log.warn("Idempotency key {} was in flight since {}; treating that request as abandoned", key, claimedAt);
        }
        return deleted > 0;
    }

    private Map<String, String> readHeaders(String headers) {
        return headers == null ? Map.of() : json.readValue(headers, HEADERS);
    }

    private record ExistingKey(String fingerprint, Integer status, String headers, byte[] body,
                               OffsetDateTime createdAt) {
    }
}
