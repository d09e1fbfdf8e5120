package io.dealflow.deal.deal.command;

import io.dealflow.api.json.IsoInstants;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
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
 *
 * <p>The last event of each deal's history also carries {@link #IMPORT_END} ({@code "importEnd": true} on Kafka), so a
 * consumer that keeps live duties settles them once, on the whole history, however its polls split the history.
 * Which event is the last is known only once every row is decided, so the mark is added as the history is stored
 * ({@link #markHistoryEnds}), not as each row applies its events.
 */
public final class ImportedEvents {

    public static final String IMPORTED = "imported";
    public static final String OCCURRED_AT = "importedOccurredAt";
    public static final String IMPORT_END = "importEnd";

    private ImportedEvents() {
    }

    static MetaData metaData(Instant occurredAt) {
        return MetaData.from(Map.of(IMPORTED, Boolean.TRUE, OCCURRED_AT, occurredAt.toString()));
    }

    public static boolean isImported(EventMessage<?> message) {
        return Boolean.parseBoolean(String.valueOf(message.getMetaData().get(IMPORTED)));
    }

    public static boolean endsImportedHistory(EventMessage<?> message) {
        return Boolean.parseBoolean(String.valueOf(message.getMetaData().get(IMPORT_END)));
    }

    /**
     * The events of one append with the last imported event of each deal marked as its history's end. An imported
     * history is one command, so its events are appended together; live events pass unchanged.
     */
    public static List<? extends EventMessage<?>> markHistoryEnds(List<? extends EventMessage<?>> events) {
        Map<String, Integer> lastOfDeal = new HashMap<>();
        // a unit of work appends each deal's events in the order they were applied, so its last is its latest
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof DomainEventMessage<?> event && isImported(event)) {
                lastOfDeal.put(event.getAggregateIdentifier(), i);
            }
        }
        if (lastOfDeal.isEmpty()) {
            return events;
        }
        List<EventMessage<?>> marked = new ArrayList<>(events);
        lastOfDeal.values().forEach(i -> marked.set(i, events.get(i).andMetaData(Map.of(IMPORT_END, Boolean.TRUE))));
        return marked;
    }

    /** When the event happened: its row's time if it was imported, the moment it was applied otherwise. */
    public static Instant occurredAt(EventMessage<?> message) {
        Object at = message.getMetaData().get(OCCURRED_AT);
        return at == null ? message.getTimestamp() : IsoInstants.parse(at.toString());
    }
}
