package io.dealflow.deal.deal.query;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.json.DealflowJson;
import io.dealflow.deal.access.ClientMetaData;
import io.dealflow.deal.deal.command.ImportedEvents;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A deal's history, read from the event store itself: the source of truth, never behind. */
@Component
public class DealHistory {

    /** Shown at the entry's top level already. */
    private static final Set<String> ENVELOPE = Set.of("type", "dealId", "pipelineId", "pipelineVersion", "actor");
    private static final TypeReference<LinkedHashMap<String, Object>> DATA = new TypeReference<>() {
    };

    private final EventStore eventStore;

    public DealHistory(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** Oldest first; empty when there is no such deal. */
    public List<HistoryEntry> of(String dealId) {
        return eventStore.readEvents(dealId).asStream()
                .filter(message -> message.getPayload() instanceof DealEvent)
                .map(DealHistory::entry)
                .toList();
    }

    private static HistoryEntry entry(DomainEventMessage<?> message) {
        DealEvent event = (DealEvent) message.getPayload();
        Map<String, Object> data = DealflowJson.mapper().convertValue(event, DATA);
        data.keySet().removeAll(ENVELOPE);
        return new HistoryEntry(message.getSequenceNumber(), event.eventType(),
                ImportedEvents.occurredAt(message),
                event.actor(), ClientMetaData.clientIdOf(message), event.pipelineVersion(), data,
                ImportedEvents.isImported(message) ? Boolean.TRUE : null);
    }
}
