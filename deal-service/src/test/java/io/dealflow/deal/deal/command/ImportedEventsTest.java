package io.dealflow.deal.deal.command;

import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class ImportedEventsTest {

    private static final Instant LONG_AGO = Instant.parse("2024-05-06T07:08:09Z");

    @Test
    void anImportedEventHappenedWhenItsRowSaysWhileTheStoreKeepsTheMomentOfTheAppend() {
        GenericDomainEventMessage<String> applied = new GenericDomainEventMessage<>("Deal", "deal-1", 3, "payload",
                ImportedEvents.metaData(LONG_AGO));

        assertThat(ImportedEvents.occurredAt(applied)).isEqualTo(LONG_AGO);
        assertThat(applied.getTimestamp()).isAfter(LONG_AGO.plusSeconds(86_400));
        assertThat(ImportedEvents.isImported(applied)).isTrue();
    }

    @Test
    void aLiveEventHappenedWhenItWasApplied() {
        GenericDomainEventMessage<String> applied = new GenericDomainEventMessage<>("Deal", "deal-1", 0, "payload");

        assertThat(ImportedEvents.occurredAt(applied)).isEqualTo(applied.getTimestamp());
        assertThat(ImportedEvents.isImported(applied)).isFalse();
    }
}
