package io.dealflow.platform.kafka;

import java.time.Instant;

/**
 * One event on its way to Kafka, with the CloudEvents attributes that become headers.
 *
 * @param causationId   the id of the message (command) that caused this event, or null
 * @param correlationId the id of the conversation the event belongs to, or null
 * @param imported      the event belongs to an imported deal history: the {@code dealflow_imported} header says so
 */
public record OutgoingEvent(String topic, String key, String id, String type, String source, String subject,
                            Instant time, byte[] value, String correlationId, String causationId, boolean imported) {

    /** A live event. */
    public OutgoingEvent(String topic, String key, String id, String type, String source, String subject,
                         Instant time, byte[] value, String correlationId, String causationId) {
        this(topic, key, id, type, source, subject, time, value, correlationId, causationId, false);
    }
}
