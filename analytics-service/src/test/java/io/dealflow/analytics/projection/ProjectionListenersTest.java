package io.dealflow.analytics.projection;

import io.dealflow.api.Topics;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionListenersTest {

    private final EventJson json = new EventJson();

    @Test
    void aBatchKeepsTheReadableEventsInDeliveryOrderAndLeavesOutWhatCanNeverBeRead() {
        List<ConsumerRecord<String, byte[]>> records = List.of(
                record(0, json.writeDealEvent(reassigned("d1", 0, "anna"))),
                record(1, "not json".getBytes(StandardCharsets.UTF_8)),
                record(2, null),
                record(3, json.writeDealEvent(reassigned("d2", -1, "boris"))),
                record(4, json.writeDealEvent(reassigned("d1", 1, "vera"))));

        List<PublishedEvent<DealEvent>> batch = ProjectionListeners.read(records, json::readDealEvent);

        assertThat(batch).extracting(published -> published.event().dealId() + "#" + published.sequence())
                .containsExactly("d1#0", "d1#1");
    }

    private static PublishedEvent<DealEvent> reassigned(String dealId, long sequence, String to) {
        return new PublishedEvent<>("e-" + dealId + sequence, sequence, Instant.parse("2030-01-01T00:00:00Z"),
                new DealManagerReassigned(dealId, "p", 1, "head", "someone", to));
    }

    private static ConsumerRecord<String, byte[]> record(long offset, byte[] value) {
        return new ConsumerRecord<>(Topics.DEAL_EVENTS, 0, offset, "key", value);
    }
}
