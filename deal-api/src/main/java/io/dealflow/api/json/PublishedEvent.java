package io.dealflow.api.json;

import java.time.Instant;

/**
 * An event as it travels on Kafka: the message-level facts (id, per-deal sequence, time) around the event
 * record. On the wire it is one flat JSON object: {@code type}, {@code eventId}, {@code sequence},
 * {@code occurredAt}, then the record's own fields.
 */
public record PublishedEvent<E>(String eventId, long sequence, Instant occurredAt, E event) {
}
