package io.dealflow.deal.deal.command;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

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

    @Test
    void theLastImportedEventOfEachDealInAnAppendEndsItsHistoryAndNothingElseIsMarked() {
        List<EventMessage<?>> append = List.of(imported("deal-1", 0), imported("deal-2", 0), imported("deal-1", 1),
                imported("deal-2", 1), imported("deal-1", 2), live("deal-3", 4));

        List<? extends EventMessage<?>> stored = ImportedEvents.markHistoryEnds(append);

        assertThat(stored).extracting(ImportedEvents::endsImportedHistory)
                .containsExactly(false, false, false, true, true, false);
        assertThat(stored).extracting(EventMessage::getIdentifier)
                .containsExactlyElementsOf(append.stream().map(EventMessage::getIdentifier).toList());
        assertThat(stored.get(4).getMetaData()).containsAllEntriesOf(append.get(4).getMetaData());
    }

    @Test
    void anAppendOfLiveEventsPassesUnchanged() {
        List<EventMessage<?>> append = List.of(live("deal-1", 5), live("deal-1", 6));

        assertThat(ImportedEvents.markHistoryEnds(append)).isSameAs(append);
    }

    private static EventMessage<?> imported(String dealId, long sequence) {
        return new GenericDomainEventMessage<>("Deal", dealId, sequence, "payload", ImportedEvents.metaData(LONG_AGO));
    }

    private static EventMessage<?> live(String dealId, long sequence) {
        return new GenericDomainEventMessage<>("Deal", dealId, sequence, "payload");
    }
}
