package io.dealflow.platform.kafka;

import io.dealflow.api.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;

/**
 * The Kafka record of an {@link OutgoingEvent}: key, value and the CloudEvents headers (binary content mode). Public
 * so that whatever else writes our topics (the bench's generated history) writes exactly what the publisher writes.
 */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    public static ProducerRecord<String, byte[]> of(OutgoingEvent event) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(event.topic(), event.key(), event.value());
        addHeaders(record.headers(), event);
        return record;
    }

    private static void addHeaders(Headers headers, OutgoingEvent event) {
        header(headers, CloudEventHeaders.SPEC_VERSION, CloudEventHeaders.SPEC_VERSION_1_0);
        header(headers, CloudEventHeaders.ID, event.id());
        header(headers, CloudEventHeaders.TYPE, event.type());
        header(headers, CloudEventHeaders.SOURCE, event.source());
        header(headers, CloudEventHeaders.SUBJECT, event.subject());
        header(headers, CloudEventHeaders.TIME, event.time().toString());
        header(headers, CloudEventHeaders.CONTENT_TYPE, CloudEventHeaders.JSON);
        header(headers, CloudEventHeaders.CORRELATION_ID, event.correlationId());
        header(headers, CloudEventHeaders.CAUSATION_ID, event.causationId());
        header(headers, CloudEventHeaders.IMPORTED, event.imported() ? "true" : null);
    }

    private static void header(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
