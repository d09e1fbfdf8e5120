package io.dealflow.platform.kafka;

import io.dealflow.api.CloudEventHeaders;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CloudEventRecordsTest {

    private static final Instant AT = Instant.parse("2026-11-23T09:15:30.123Z");

    @Test
    void anImportedEventCarriesTheImportedHeader() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(event(true));

        Header imported = record.headers().lastHeader(CloudEventHeaders.IMPORTED);
        assertThat(imported).isNotNull();
        assertThat(new String(imported.value(), StandardCharsets.UTF_8)).isEqualTo("true");
    }

    @Test
    void aLiveEventHasNoImportedHeader() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(event(false));

        assertThat(record.headers().lastHeader(CloudEventHeaders.IMPORTED)).isNull();
        assertThat(record.headers().lastHeader(CloudEventHeaders.ID)).isNotNull();
    }

    private static OutgoingEvent event(boolean imported) {
        return new OutgoingEvent("topic", "deal-1", "evt-1", "dealflow.deal.DealWon.v1", "/test", "deal-1", AT,
                "{}".getBytes(StandardCharsets.UTF_8), null, null, imported);
    }
}
