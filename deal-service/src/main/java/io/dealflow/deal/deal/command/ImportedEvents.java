package io.dealflow.deal.deal.command;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.Map;

/**
 * The metadata an imported history's events carry: the mark that they were imported, which the publisher turns into
 * {@code "imported": true} and the {@code dealflow_imported} header, and the time the row says the change happened.
 *
 * <p>That time is not the event store's timestamp, which stays the moment of the append: Axon's tracking processors
 * treat a gap in the global index as given up once the event after it is older than the gap timeout, judged by that
 * timestamp, so an event stored with a timestamp years old would make the publisher skip the events of transactions
 * still in flight beside it (seen: one deal in ten of an import never published). Whatever shows when an event
 * happened (the board, the history, the Kafka JSON and {@code ce_time}) reads {@link #occurredAt}.
 */
public final class ImportedEvents {

    public static final String IMPORTED = "imported";
    public static final String OCCURRED_AT = "importedOccurredAt";

    private ImportedEvents() {
    }

    static MetaData metaData(Instant occurredAt) {
        return MetaData.from(Map.of(IMPORTED, Boolean.TRUE, OCCURRED_AT, occurredAt.toString()));
    }

    public static boolean isImported(EventMessage<?> message) {
        return Boolean.parseBoolean(String.valueOf(message.getMetaData().get(IMPORTED)));
    }

    /** When the event happened: its row's time if it was imported, the moment it was applied otherwise. */
    public static Instant occurredAt(EventMessage<?> message) {
        Object at = message.getMetaData().get(OCCURRED_AT);
        return at == null ? message.getTimestamp() : Instant.parse(at.toString());
    }
}
