package io.dealflow.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.dao.DataAccessException;

import java.util.function.ToDoubleFunction;

/**
 * The outbox's health as meters. Backlog and oldest age feed the "publisher behind" alert; every instance of a
 * service reports the same database-wide values, so alert on their maximum, not their sum.
 */
final class OutboxMetrics {

    static final String BACKLOG = "dealflow.outbox.backlog";
    static final String OLDEST_AGE = "dealflow.outbox.oldest.age.seconds";
    static final String PUBLISHED = "dealflow.outbox.published";
    static final String PUBLISH_FAILURES = "dealflow.outbox.publish.failures";
    static final String TURNS_WAITED = "dealflow.outbox.relay.turns.waited";

    private final MeterRegistry meters;
    private final Counter failures;
    private final Counter turnsWaited;

    OutboxMetrics(MeterRegistry meters, OutboxStore store) {
        this.meters = meters;
        gauge(BACKLOG, "Events in the outbox not yet acknowledged by the broker", store, OutboxStore::backlog);
        gauge(OLDEST_AGE, "Seconds since the oldest unpublished event entered the outbox (0 when none)", store,
                OutboxStore::oldestUnpublishedAgeSeconds);
        this.failures = Counter.builder(PUBLISH_FAILURES)
                .description("Relay batches stopped by an event the broker did not acknowledge")
                .register(meters);
        this.turnsWaited = Counter.builder(TURNS_WAITED)
                .description("Relay rounds that found another instance relaying and left the outbox to it")
                .register(meters);
    }

    /** Tagged by topic only: topics are a handful of constants, never per-event values. */
    void published(String topic) {
        Counter.builder(PUBLISHED)
                .description("Outbox events acknowledged by the broker")
                .tag("topic", topic)
                .register(meters)
                .increment();
    }

    void publishFailed() {
        failures.increment();
    }

    void waitedTurn() {
        turnsWaited.increment();
    }

    /** Read from the database on every scrape; an unreachable database reports NaN, not an empty outbox. */
    private void gauge(String name, String description, OutboxStore store, ToDoubleFunction<OutboxStore> query) {
        Gauge.builder(name, store, s -> {
                    try {
                        return query.applyAsDouble(s);
                    } catch (DataAccessException e) {
                        return Double.NaN;
                    }
                })
                .description(description)
                .strongReference(true)
                .register(meters);
    }
}
