package io.dealflow.deal.deal.query;

import io.dealflow.deal.access.RequestMetaData;
import io.dealflow.platform.web.idempotency.IdempotentRequest;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.OptionalLong;

/**
 * Whether a request whose earlier run was abandoned in flight had already applied its command: the deal's stored
 * events carry the request's mark ({@link RequestMetaData}) if it had. Read from the event store itself, the judge,
 * from the first event (not from a snapshot, which would hide the marks before it); only a taken-over request asks,
 * which happens after a crash, so the cost of reading one deal's events does not matter.
 */
@Component
public class AppliedRequests {

    private final EventStore events;

    public AppliedRequests(EventStore events) {
        this.events = events;
    }

    /** @return the deal's current version if the request's command was applied to it, empty if not */
    public OptionalLong versionIfApplied(String dealId, IdempotentRequest request) {
        String mark = RequestMetaData.markOf(request);
        DomainEventStream stream = events.readEvents(dealId, 0L);
        boolean applied = false;
        long version = -1;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            applied |= mark.equals(RequestMetaData.markOf(event));
            version = event.getSequenceNumber();
        }
        return applied ? OptionalLong.of(version) : OptionalLong.empty();
    }
}
