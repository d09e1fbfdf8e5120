package io.dealflow.api.json;

import java.time.Instant;

/**
 * An event as it travels on Kafka: the message-level facts (id, per-deal sequence, time, the client that sent the
 * request) around the event record. On the wire it is one flat JSON object: {@code type}, {@code eventId},
 * {@code sequence}, {@code occurredAt}, then the record's own fields, with {@code clientId} beside {@code actor}.
 *
 * @param clientId the OAuth client whose request caused the event, or null: an automatic action, or an event
 *                 recorded before clients were (the field is optional, so older JSON reads as it always did)
 * @param imported whether the event came from a deal history imported from another CRM (DESIGN §7): it happened
 *                 at {@code occurredAt}, long before anyone published it, so consumers start no live duty from it
 *                 (no task due years ago, no handoff). On the wire {@code "imported": true}, absent when false, so
 *                 JSON written before the flag existed reads as live.
 * @param importEnd whether the event is the last of its deal's imported history: a consumer that keeps live duties
 *                  settles them on it, when the whole history is known, however the history was split across its
 *                  polls. On the wire {@code "importEnd": true}, absent otherwise; only ever true with
 *                  {@code imported}.
 */
public record PublishedEvent<E>(String eventId, long sequence, Instant occurredAt, E event, String clientId,
                                boolean imported, boolean importEnd) {

    public PublishedEvent {
        if (importEnd && !imported) {
            throw new IllegalArgumentException("Only an imported event can end an imported history: " + eventId);
        }
    }

    /** A live event, or an imported one before the last of its history. */
    public PublishedEvent(String eventId, long sequence, Instant occurredAt, E event, String clientId,
                          boolean imported) {
        this(eventId, sequence, occurredAt, event, clientId, imported, false);
    }

    /** A live event (not imported). */
    public PublishedEvent(String eventId, long sequence, Instant occurredAt, E event, String clientId) {
        this(eventId, sequence, occurredAt, event, clientId, false);
    }

    /** An event no client's request caused. */
    public PublishedEvent(String eventId, long sequence, Instant occurredAt, E event) {
        this(eventId, sequence, occurredAt, event, null);
    }
}
