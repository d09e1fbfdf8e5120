package io.dealflow.platform.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * HTTP plumbing shared by every service.
 *
 * @param maxBodyBytes largest request body accepted; larger ones get 413 {@code payload-too-large}
 * @param idempotency  {@code Idempotency-Key} support for POST and PATCH under {@code /api/}
 * @param streamedBodies paths whose handler streams the body instead of buffering it (a CSV import), with a limit
 *                       of their own
 * @param admission      how many API requests the service works on at once; the rest are shed
 */
@ConfigurationProperties("dealflow.http")
public record PlatformHttpProperties(@DefaultValue("65536") long maxBodyBytes,
                                     @DefaultValue Idempotency idempotency,
                                     @DefaultValue StreamedBodies streamedBodies,
                                     @DefaultValue Admission admission) {

    /**
     * Load shedding for {@code /api/} requests. Past a few requests per core, more at once only lengthen a queue (for
     * a database connection, for the CPU): every answer gets later and clients time out. A request over the limit
     * waits at most {@code maxWait} for a place, then is answered 503 {@code service-overloaded} with
     * {@code Retry-After}, before it is authenticated or read.
     *
     * @param enabled       off: every request is taken, and queues
     * @param maxConcurrent API requests worked on at once
     * @param maxWait       how long a request over the limit waits for a place before it is shed
     * @param retryAfter    what a shed request is told to wait (whole seconds, at least one)
     */
    public record Admission(@DefaultValue("true") boolean enabled,
                            @DefaultValue("64") int maxConcurrent,
                            @DefaultValue("100ms") Duration maxWait,
                            @DefaultValue("1s") Duration retryAfter) {

        public Admission {
            if (maxConcurrent < 1) {
                throw new IllegalArgumentException(
                        "dealflow.http.admission.max-concurrent must be at least 1: " + maxConcurrent);
            }
            if (maxWait.isNegative()) {
                throw new IllegalArgumentException("dealflow.http.admission.max-wait must not be negative: " + maxWait);
            }
        }

        /** {@code Retry-After} in whole seconds, rounded up, at least one. */
        public long retryAfterSeconds() {
            return Math.max(1, retryAfter.plusMillis(999).toSeconds());
        }
    }

    /**
     * @param paths        exact request paths (no wildcard) whose bodies their handler reads as a stream
     * @param maxBodyBytes largest body accepted on those paths
     */
    public record StreamedBodies(@DefaultValue List<String> paths,
                                 @DefaultValue("2147483648") long maxBodyBytes) {

        public StreamedBodies {
            paths = paths == null ? List.of() : List.copyOf(paths);
        }

        /** The limit for a request path: the streamed one on the paths named, {@code otherwise} elsewhere. */
        public long limitFor(String path, long otherwise) {
            return paths.contains(path) ? maxBodyBytes : otherwise;
        }
    }

    /**
     * @param enabled         off for a service that keeps no {@code idempotency_keys} table
     * @param inFlightTimeout how long a claimed key may stay unfinished before it counts as abandoned whatever its
     *                        instance says, and may be claimed again; keep it above the slowest request
     * @param heartbeat       how often an instance records that it is alive, for the keys it holds in flight
     * @param ownerTimeout    an instance whose last heartbeat is older than this counts as dead, and the keys it held
     *                        in flight may be claimed again at once; several heartbeats long, so that a busy or
     *                        briefly disconnected instance is not taken for dead
     * @param retention       how long a key is kept: a retry with the same key within it gets the first response,
     *                        after it the request runs anew; longer than {@code inFlightTimeout}
     * @param purgeInterval   how often keys past their retention are deleted
     */
    public record Idempotency(@DefaultValue("true") boolean enabled,
                              @DefaultValue("5m") Duration inFlightTimeout,
                              @DefaultValue("2s") Duration heartbeat,
                              @DefaultValue("20s") Duration ownerTimeout,
                              @DefaultValue("24h") Duration retention,
                              @DefaultValue("10m") Duration purgeInterval) {

        public Idempotency {
            if (retention.compareTo(inFlightTimeout) <= 0) {
                throw new IllegalArgumentException("dealflow.http.idempotency.retention (" + retention
                        + ") must be longer than its in-flight-timeout (" + inFlightTimeout + ")");
            }
            if (ownerTimeout.compareTo(heartbeat.multipliedBy(3)) < 0) {
                throw new IllegalArgumentException("dealflow.http.idempotency.owner-timeout (" + ownerTimeout
                        + ") must be at least three heartbeats (" + heartbeat + ")");
            }
        }
    }
}
