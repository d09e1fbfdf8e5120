package io.dealflow.deal.deal.command;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.Map;

/**
 * The metadata an imported history's events carry: the mark that they were imported, which the publisher turns into
 * {@code "imported": true} and the {@code dealflow_imported} header, and the time the row says the change happened,
 * which becomes the event's own timestamp before it is stored (deal-service's event-time interceptor).
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

    /** The time an imported event happened, or null for a live event (whose time is when it was applied). */
    public static Instant occurredAt(EventMessage<?> message) {
        Object at = message.getMetaData().get(OCCURRED_AT);
        return at == null ? null : Instant.parse(at.toString());
    }
}
