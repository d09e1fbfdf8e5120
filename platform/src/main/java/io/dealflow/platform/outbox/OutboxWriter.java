package io.dealflow.platform.outbox;

import io.dealflow.platform.kafka.OutgoingEvent;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import javax.sql.DataSource;
import java.util.List;
import java.util.Objects;

/**
 * Records an event for publishing as part of the caller's database transaction: it reaches Kafka (through the
 * {@link OutboxRelay}) if and only if the caller's change commits, and survives a broker outage meanwhile.
 *
 * <p>Per-key order on Kafka is the order of the appends' row ids. Append after the change that locks the aggregate
 * (its row update), so two transactions on the same key take their ids in the order they commit.
 */
public class OutboxWriter {

    private final DataSource dataSource;
    private final OutboxStore store;

    public OutboxWriter(DataSource dataSource) {
        this.dataSource = dataSource;
        this.store = new OutboxStore(dataSource);
    }

    /**
     * Inserts the event into {@code outbox_events}. The event's time is kept to PostgreSQL's microsecond precision.
     *
     * @throws IllegalStateException when no transaction of this DataSource is active: the row would commit on its
     *                               own, and an event could be published for a change that then rolls back
     * @throws org.springframework.dao.DuplicateKeyException when an event with the same id was appended before
     */
    public void append(OutgoingEvent event) {
        appendAll(List.of(event));
    }

    /**
     * Inserts the events into {@code outbox_events} in their order, which is their order on Kafka per key, in one
     * round trip (a JDBC batch) whatever their number.
     *
     * @throws IllegalStateException as {@link #append} does
     */
    public void appendAll(List<OutgoingEvent> events) {
        events.forEach(event -> Objects.requireNonNull(event, "event"));
        if (events.isEmpty()) {
            return;
        }
        OutgoingEvent event = events.get(0);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("OutboxWriter.append must run inside the transaction that makes the "
                    + "change the event reports (e.g. a @Transactional method); no transaction is active for "
                    + describe(event));
        }
        // A transaction of another resource (e.g. only Kafka's) would leave the insert auto-committed on its own.
        if (!TransactionSynchronizationManager.hasResource(dataSource)) {
            throw new IllegalStateException("OutboxWriter.append must run inside a transaction of the outbox's "
                    + "DataSource; the active transaction does not include it, for " + describe(event));
        }
        store.insertAll(events);
    }

    private static String describe(OutgoingEvent event) {
        return event.type() + " " + event.id() + " to " + event.topic();
    }
}
