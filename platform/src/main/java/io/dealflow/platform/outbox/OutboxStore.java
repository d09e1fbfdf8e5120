package io.dealflow.platform.outbox;

import io.dealflow.platform.kafka.OutgoingEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The SQL of the {@code outbox_events} table (platform migration V0_2), in one place. */
final class OutboxStore {

    /**
     * The key of the advisory lock that makes one relay per database publish at a time. Each service has a database
     * of its own, so services do not contend for it. ("outbox" in ASCII.)
     */
    static final long RELAY_LOCK = 0x6f7574626f78L;

    private static final RowMapper<StoredEvent> STORED_EVENT = (row, n) -> new StoredEvent(row.getLong("id"),
            new OutgoingEvent(row.getString("topic"), row.getString("message_key"), row.getString("event_id"),
                    row.getString("event_type"), row.getString("source"), row.getString("subject"),
                    row.getObject("occurred_at", OffsetDateTime.class).toInstant(), row.getBytes("payload"),
                    row.getString("correlation_id"), row.getString("causation_id")));

    private final JdbcTemplate jdbc;

    OutboxStore(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    void insertAll(List<OutgoingEvent> events) {
        jdbc.batchUpdate("""
                        INSERT INTO outbox_events (topic, message_key, event_id, event_type, source, subject,
                                                   occurred_at, payload, correlation_id, causation_id)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                events.stream().map(event -> new Object[] {event.topic(), event.key(), event.id(), event.type(),
                        event.source(), event.subject(),
                        event.time() == null ? null : OffsetDateTime.ofInstant(event.time(), ZoneOffset.UTC),
                        event.value(), event.correlationId(), event.causationId()}).toList());
    }

    /**
     * Whether this transaction may relay. The lock is released at commit or rollback, so a relay that dies can
     * never keep the others out.
     */
    boolean tryRelayLock() {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT pg_try_advisory_xact_lock(?)", Boolean.class,
                RELAY_LOCK));
    }

    /**
     * The oldest unpublished events. Selecting by {@code published_at IS NULL} rather than after the last id relayed
     * means a row whose transaction commits after rows with higher ids is still picked up.
     */
    List<StoredEvent> nextUnpublished(int limit) {
        return jdbc.query("""
                SELECT id, topic, message_key, event_id, event_type, source, subject, occurred_at, payload,
                       correlation_id, causation_id
                FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT ?""", STORED_EVENT, limit);
    }

    void markPublished(List<Long> ids) {
        if (!ids.isEmpty()) {
            jdbc.update("UPDATE outbox_events SET published_at = clock_timestamp() WHERE id = ANY (?)",
                    (Object) ids.toArray(Long[]::new));
        }
    }

    long backlog() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM outbox_events WHERE published_at IS NULL", Long.class);
        return count == null ? 0 : count;
    }

    /** Measured on the database's clock, which also stamped {@code created_at}. */
    double oldestUnpublishedAgeSeconds() {
        List<Double> ages = jdbc.queryForList("""
                SELECT extract(epoch FROM clock_timestamp() - created_at)::float8
                FROM outbox_events WHERE published_at IS NULL ORDER BY id LIMIT 1""", Double.class);
        return ages.isEmpty() ? 0 : Math.max(0, ages.get(0));
    }

    /** @return how many published rows older than {@code retention} were deleted */
    int deletePublishedOlderThan(Duration retention) {
        return jdbc.update("""
                DELETE FROM outbox_events
                WHERE published_at < clock_timestamp() - ? * interval '1 millisecond'""", retention.toMillis());
    }

    record StoredEvent(long id, OutgoingEvent event) {
    }
}
