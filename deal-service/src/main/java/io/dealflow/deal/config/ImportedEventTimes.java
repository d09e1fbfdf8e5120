package io.dealflow.deal.config;

import io.dealflow.deal.deal.command.ImportedEvents;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

/**
 * An imported history's event happened when its row says, not when the import applied it: this interceptor gives it
 * that timestamp on its way into the event store, before anything reads it (the board in the same unit of work, the
 * history, the publisher and through it every other service). Axon stamps an applied event with the clock and offers
 * no other way to set the time of an aggregate's event; live events pass unchanged.
 */
final class ImportedEventTimes implements MessageDispatchInterceptor<EventMessage<?>> {

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        return (index, message) -> retimed(message);
    }

    static EventMessage<?> retimed(EventMessage<?> message) {
        Instant occurredAt = ImportedEvents.occurredAt(message);
        if (occurredAt == null || !(message instanceof DomainEventMessage<?> domainEvent)) {
            return message;
        }
        return at(domainEvent, occurredAt);
    }

    private static <T> DomainEventMessage<T> at(DomainEventMessage<T> event, Instant occurredAt) {
        return new GenericDomainEventMessage<>(event.getType(), event.getAggregateIdentifier(),
                event.getSequenceNumber(), event, occurredAt);
    }

    @Configuration(proxyBeanMethods = false)
    static class Registered {

        @Bean
        Registration importedEventTimesRegistration(EventStore eventStore) {
            return eventStore.registerDispatchInterceptor(new ImportedEventTimes());
        }
    }
}
