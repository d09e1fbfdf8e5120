package io.dealflow.api.json;

import java.time.Instant;

/**
 * An event as it travels on Kafka: the message-level facts (id, per-deal sequence, time, the client that sent the
 * request) around the event record. On the wire it is one flat JSON object: {@code type}, {@code eventId},
 * {@code sequence}, {@code occurredAt}, then the record's own fields, with {@code clientId} beside {@code actor}.
 *
 * @param clientId the OAuth client whose request caused the event, or null: an automatic action, or an event
 *                 recorded before clients were (the field is optional, so older JSON reads as it always did)
 */
public record PublishedEvent<E>(String eventId, long sequence, Instant occurredAt, E event, String clientId) {

    /** An event no client's request caused. */
    public PublishedEvent(String eventId, long sequence, Instant occurredAt, E event) {
        this(eventId, sequence, occurredAt, event, null);
    }
}
