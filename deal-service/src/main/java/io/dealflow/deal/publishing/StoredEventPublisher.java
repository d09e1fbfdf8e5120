package io.dealflow.deal.publishing;

import io.dealflow.api.CloudEventHeaders;
import io.dealflow.api.Topics;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.deal.ProcessingGroups;
import io.dealflow.deal.access.ClientMetaData;
import io.dealflow.deal.deal.command.ImportedEvents;
import io.dealflow.platform.kafka.KafkaEventPublisher;
import io.dealflow.platform.kafka.OutgoingEvent;
import io.dealflow.platform.kafka.PublishBatch;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * The event store is the outbox: this streaming processor reads every stored event and publishes it, keyed by deal
 * id so one deal's events keep their order. A batch of the processor is sent as a whole and its acknowledgements are
 * awaited before the batch's unit of work commits the token; a failure rolls the token back and errors propagate,
 * so the token never moves past an event the broker has not got (at-least-once, nothing lost).
 */
@Component
@ProcessingGroup(ProcessingGroups.KAFKA_PUBLISHER)
class StoredEventPublisher {

    static final String SOURCE = "/dealflow/deal-service";
    /** Axon's MessageOriginProvider: the command that caused the event, and the conversation's first message. */
    private static final String AXON_CAUSATION = "correlationId";
    private static final String AXON_CORRELATION = "traceId";

    private static final String BATCH_RESOURCE = StoredEventPublisher.class.getName() + ".batch";

    private final KafkaEventPublisher publisher;
    private final EventJson json = new EventJson();

    StoredEventPublisher(KafkaEventPublisher publisher) {
        this.publisher = publisher;
    }

    @EventHandler
    void on(DealEvent event, EventMessage<?> message, @SequenceNumber long sequence) {
        boolean imported = ImportedEvents.isImported(message);
        PublishedEvent<DealEvent> published = new PublishedEvent<>(message.getIdentifier(), sequence,
                ImportedEvents.occurredAt(message), event, ClientMetaData.clientIdOf(message), imported,
                ImportedEvents.endsImportedHistory(message));
        sendInThisBatch(outgoing(message, Topics.DEAL_EVENTS, event.dealId(),
                CloudEventHeaders.type("deal", event.eventType(), 1), event.dealId(),
                json.writeDealEvent(published), imported));
    }

    @EventHandler
    void on(PipelineDefined event, EventMessage<?> message, @SequenceNumber long sequence) {
        PublishedEvent<PipelineDefined> published = new PublishedEvent<>(message.getIdentifier(), sequence,
                message.getTimestamp(), event, ClientMetaData.clientIdOf(message));
        sendInThisBatch(outgoing(message, Topics.PIPELINE_EVENTS, Topics.pipelineKey(event.pipelineId(),
                        event.version()), CloudEventHeaders.type("pipeline", EventJson.PIPELINE_DEFINED, 1),
                event.pipelineId(), json.writePipelineDefined(published), false));
    }

    /**
     * The processor's batch is one unit of work: its events join one {@link PublishBatch}, awaited when the unit of
     * work prepares to commit, i.e. before the token it stores in the same transaction becomes durable.
     */
    private void sendInThisBatch(OutgoingEvent event) {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        PublishBatch batch = unitOfWork.getOrComputeResource(BATCH_RESOURCE, key -> {
            PublishBatch started = publisher.batch();
            unitOfWork.onPrepareCommit(committing -> started.awaitAcknowledged());
            return started;
        });
        batch.send(event);
    }

    private static OutgoingEvent outgoing(EventMessage<?> message, String topic, String key, String type,
                                          String subject, byte[] value, boolean imported) {
        return new OutgoingEvent(topic, key, message.getIdentifier(), type, SOURCE, subject,
                ImportedEvents.occurredAt(message),
                value, metadata(message, AXON_CORRELATION), metadata(message, AXON_CAUSATION), imported);
    }

    private static String metadata(EventMessage<?> message, String key) {
        Object value = message.getMetaData().get(key);
        return value == null ? null : value.toString();
    }
}
