package io.dealflow.bench.scale;

import io.dealflow.api.CloudEventHeaders;
import io.dealflow.api.Topics;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.bench.pipeline.BenchPipeline;
import io.dealflow.platform.kafka.CloudEventRecords;
import io.dealflow.platform.kafka.OutgoingEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a large deal history straight onto {@code dealflow.deal-events.v1}, as deal-service would have published
 * it: deal-api's event records, its {@link EventJson}, keyed by deal id, with the CloudEvents headers written by
 * platform's {@link CloudEventRecords} (the same code deal-service's publisher uses). Only {@code ce_source} tells
 * the truth about where the history came from. Going around deal-service is what makes a million deals possible
 * in reasonable time; what is measured afterwards is analytics.
 */
public final class HistoryGenerator {

    static final String SOURCE = "/dealflow/bench";

    private final String bootstrapServers;
    private final EventJson json = new EventJson();

    public HistoryGenerator(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** @return how many events were written (all acknowledged by the broker) */
    public long generate(BenchPipeline pipeline, int deals, String runId) {
        SplittableRandom random = new SplittableRandom(runId.hashCode());
        Instant now = Instant.now();
        AtomicLong acknowledged = new AtomicLong();
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            for (int n = 0; n < deals && failure.get() == null; n++) {
                String dealId = "gen-" + runId + "-" + n;
                String correlationId = UUID.randomUUID().toString();
                List<PublishedEvent<DealEvent>> history = DealHistory.of(dealId, pipeline, now, random);
                for (PublishedEvent<DealEvent> published : history) {
                    producer.send(CloudEventRecords.of(outgoing(published, correlationId)), (metadata, error) -> {
                        if (error == null) {
                            acknowledged.incrementAndGet();
                        } else {
                            failure.compareAndSet(null, error);
                        }
                    });
                }
            }
            producer.flush();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("The broker refused generated history", failure.get());
        }
        return acknowledged.get();
    }

    private OutgoingEvent outgoing(PublishedEvent<DealEvent> published, String correlationId) {
        DealEvent event = published.event();
        return new OutgoingEvent(Topics.DEAL_EVENTS, event.dealId(), published.eventId(),
                CloudEventHeaders.type("deal", event.eventType(), 1), SOURCE, event.dealId(), published.occurredAt(),
                json.writeDealEvent(published), correlationId, UUID.randomUUID().toString());
    }
}
