package io.dealflow.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * A durable event producer: acks from all in-sync replicas, idempotent (no duplicates from the producer's own
 * retries, order kept per partition), string keys and JSON bytes. Services that publish events enable it with
 * {@code dealflow.kafka.publishing.enabled=true}.
 */
// Before Boot's Kafka auto-configuration, whose default producer factory and template then stand back.
@AutoConfiguration(beforeName = "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration")
@ConditionalOnProperty(prefix = "dealflow.kafka.publishing", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(PublishingProperties.class)
public class KafkaPublishingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(name = "eventProducerFactory")
    public ProducerFactory<String, byte[]> eventProducerFactory(KafkaProperties kafka, PublishingProperties publishing) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        // Bounded so that an outage surfaces as a failed send (and a retry of the processor) instead of a hang.
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) publishing.ackTimeout().toMillis());
        // Unbounded: batches are sent without waiting for each other, and a record that expired in the producer
        // while a later one of the same partition got through would reorder a deal's events. During an outage the
        // caller's ack timeout fails the round instead; the records stay queued in order and the retry adds copies
        // after them (at least once, first arrivals in order).
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Integer.MAX_VALUE);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
                (int) Math.min(publishing.ackTimeout().toMillis(), 30_000));
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    @ConditionalOnMissingBean(name = "eventKafkaTemplate")
    public KafkaTemplate<String, byte[]> eventKafkaTemplate(ProducerFactory<String, byte[]> eventProducerFactory) {
        return new KafkaTemplate<>(eventProducerFactory);
    }

    @Bean
    @ConditionalOnMissingBean
    public KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, byte[]> eventKafkaTemplate,
                                                   PublishingProperties publishing,
                                                   ObjectProvider<Clock> clock, MeterRegistry meters) {
        return new KafkaEventPublisher(eventKafkaTemplate, publishing.ackTimeout(),
                clock.getIfAvailable(Clock::systemUTC), meters);
    }
}
