package io.dealflow.deal.config;

import io.dealflow.deal.deal.command.ImportedEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ImportedEventTimesTest {

    private static final Instant LONG_AGO = Instant.parse("2024-05-06T07:08:09Z");

    @Test
    void anImportedEventTakesTheTimeItsRowSays() {
        DomainEventMessage<String> applied = new GenericDomainEventMessage<>("Deal", "deal-1", 3, "payload",
                MetaData.from(Map.of(ImportedEvents.IMPORTED, true, ImportedEvents.OCCURRED_AT, LONG_AGO.toString(),
                        "clientId", "demo-integration")));

        EventMessage<?> stored = ImportedEventTimes.retimed(applied);

        assertThat(stored.getTimestamp()).isEqualTo(LONG_AGO);
        assertThat(stored).isInstanceOfSatisfying(DomainEventMessage.class, event -> {
            assertThat(event.getAggregateIdentifier()).isEqualTo("deal-1");
            assertThat(event.getSequenceNumber()).isEqualTo(3);
        });
        assertThat(stored.getIdentifier()).isEqualTo(applied.getIdentifier());
        assertThat(stored.getPayload()).isEqualTo("payload");
        assertThat(stored.getMetaData()).isEqualTo(applied.getMetaData());
        assertThat(ImportedEvents.isImported(stored)).isTrue();
    }

    @Test
    void aLiveEventKeepsItsTime() {
        DomainEventMessage<String> applied = new GenericDomainEventMessage<>("Deal", "deal-1", 0, "payload");

        assertThat(ImportedEventTimes.retimed(applied)).isSameAs(applied);
        assertThat(ImportedEvents.isImported(applied)).isFalse();
    }
}
