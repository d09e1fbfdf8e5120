package io.dealflow.platform.web.idempotency;

import io.dealflow.platform.web.PlatformHttpProperties;
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
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Idempotency keys in the service's own PostgreSQL database ({@code idempotency_keys}), so that every instance of
 * a service sees the same keys.
 *
 * <p>Each statement commits on its own: the in-flight row must be visible to a concurrent retry while the request
 * runs, and the handler's own transactions must not include it.
 *
 * <p>A claim names its instance, and each instance {@linkplain #heartbeat() records} in {@code idempotency_owners}
 * that it is alive. An in-flight key counts as abandoned once its instance has been silent for the owner timeout, as
 * judged by an instance that has itself been beating steadily for that long ({@link SteadyHeartbeat}), or in any case
 * once it is older than the in-flight timeout: a client of a service that was killed mid-request can finish its
 * command within a minute, not five.
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
    private final Duration ownerTimeout;
    /** New with every start: a restarted process must not vouch for the claims of the one that died. */
    private final UUID instanceId = UUID.randomUUID();
    private final SteadyHeartbeat ownBeat;
    private final JsonMapper json = JsonMapper.shared();

    /**
     * @param settings its in-flight timeout, after which an unfinished claim counts as abandoned whatever its instance
     *                 says; its heartbeat and owner timeout, after which an unfinished claim whose instance has not
     *                 {@linkplain #heartbeat() beaten} counts as abandoned (the instance died mid-request)
     */
    public IdempotencyKeyStore(DataSource dataSource, PlatformHttpProperties.Idempotency settings, Clock clock) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.inFlightTimeout = settings.inFlightTimeout();
        this.ownerTimeout = settings.ownerTimeout();
        this.ownBeat = new SteadyHeartbeat(settings.heartbeat(), settings.ownerTimeout(), clock);
    }

    /**
     * Records that this instance is alive, and forgets instances silent for longer than the in-flight timeout (by
     * then every key they held counts as abandoned anyway). Until its first heartbeat an instance's claims wait for
     * the in-flight timeout, as do those of an instance whose row is gone: only a silence that was seen frees a key.
     */
    public void heartbeat() {
        try {
            jdbc.update("""
                    INSERT INTO idempotency_owners (instance_id, seen_at) VALUES (?, clock_timestamp())
                    ON CONFLICT (instance_id) DO UPDATE SET seen_at = excluded.seen_at""", instanceId);
        } catch (RuntimeException e) {
            ownBeat.missed();
            throw e;
        }
        ownBeat.beat();
        jdbc.update("DELETE FROM idempotency_owners WHERE seen_at < clock_timestamp() - make_interval(secs => ?)",
                seconds(inFlightTimeout));
    }

    public ClaimOutcome claim(String key, String fingerprint) {
        boolean tookOver = false;
        for (int attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
            List<OffsetDateTime> claimed = jdbc.query("""
                            INSERT INTO idempotency_keys (key, fingerprint, created_at, owner)
                            VALUES (?, ?, clock_timestamp(), ?)
                            ON CONFLICT (key) DO NOTHING
                            RETURNING created_at""",
                    (row, n) -> row.getObject("created_at", OffsetDateTime.class), key, fingerprint, instanceId);
            if (!claimed.isEmpty()) {
                return new Claimed(key, claimed.get(0), tookOver);
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
            tookOver = true;
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
                    seconds(retention), PURGE_BATCH);
            purged += deleted;
        } while (deleted == PURGE_BATCH);
        if (purged > 0) {
            log.debug("Purged {} idempotency keys older than {}", purged, retention);
        }
        return purged;
    }

    private boolean takeOverIfAbandoned(String key, OffsetDateTime claimedAt) {
        int deleted = jdbc.update("""
                        DELETE FROM idempotency_keys k
                        WHERE k.key = ? AND k.created_at = ? AND k.completed_at IS NULL
                          AND (k.created_at < clock_timestamp() - make_interval(secs => ?)
                               OR ? AND EXISTS (SELECT 1 FROM idempotency_owners o
                                          WHERE o.instance_id = k.owner
                                            AND o.seen_at < clock_timestamp() - make_interval(secs => ?)))""",
                key, claimedAt, seconds(inFlightTimeout), ownBeat.steady(), seconds(ownerTimeout));
        if (deleted > 0) {
            log.warn("Idempotency key {} was in flight since {} on an instance that stopped or went silent;"
                    + " treating that request as abandoned", key, claimedAt);
        }
        return deleted > 0;
    }

    UUID instanceId() {
        return instanceId;
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private Map<String, String> readHeaders(String headers) {
        return headers == null ? Map.of() : json.readValue(headers, HEADERS);
    }

    private record ExistingKey(String fingerprint, Integer status, String headers, byte[] body,
                               OffsetDateTime createdAt) {
    }
}
