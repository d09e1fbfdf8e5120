package io.dealflow.platform.kafka;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.RoundRobinPartitioner;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch's bookkeeping, with Kafka's own MockProducer standing in for the broker's answers (the broker itself is
 * exercised by the outbox and deal publishing integration tests): every event is handed over before any answer is
 * awaited, and a refusal reports how many events before it were acknowledged.
 */
class PublishBatchTest {

    private final MockProducer<String, byte[]> producer =
            new MockProducer<>(false, new RoundRobinPartitioner(), new StringSerializer(), new ByteArraySerializer());
    private final KafkaEventPublisher publisher = new KafkaEventPublisher(new KafkaTemplate<>(() -> producer),
            Duration.ofSeconds(5), Clock.systemUTC(), new SimpleMeterRegistry());

    @Test
    void everyEventIsSentBeforeAnyAcknowledgementIsAwaited() {
        PublishBatch batch = publisher.batch();
        batch.send(event("a"));
        batch.send(event("b"));
        batch.send(event("c"));

        assertThat(producer.history()).extracting(record -> record.key()).containsExactly("a", "b", "c");
        CompletableFuture<Integer> awaited = CompletableFuture.supplyAsync(batch::awaitAcknowledged);
        producer.completeNext();
        producer.completeNext();
        assertThat(awaited).isNotDone();
        producer.completeNext();
        assertThat(awaited.join()).isEqualTo(3);
    }

    @Test
    void aRefusedEventReportsHowManyBeforeItWereAcknowledged() {
        PublishBatch batch = publisher.batch();
        batch.send(event("a"));
        batch.send(event("b"));
        batch.send(event("c"));
        producer.completeNext();
        producer.errorNext(new NotEnoughReplicasException("one broker of three is up"));
        producer.errorNext(new NotEnoughReplicasException("one broker of three is up"));

        assertThatThrownBy(batch::awaitAcknowledged)
                .isInstanceOfSatisfying(EventPublishingException.class,
                        refused -> assertThat(refused.acknowledgedBefore()).isEqualTo(1))
                .hasMessageContaining("(key b)");
    }

    @Test
    void afterASendFailsAtOnceTheEventsBehindItAreNotHandedOver() {
        PublishBatch batch = publisher.batch();
        batch.send(event("a"));
        producer.sendException = new org.apache.kafka.common.errors.TimeoutException("no metadata in time");
        batch.send(event("b"));
        producer.sendException = null;
        batch.send(event("c"));
        producer.completeNext();

        assertThat(producer.history()).extracting(record -> record.key()).containsExactly("a");
        assertThatThrownBy(batch::awaitAcknowledged)
                .isInstanceOfSatisfying(EventPublishingException.class,
                        refused -> assertThat(refused.acknowledgedBefore()).isEqualTo(1));
    }

    @Test
    void anEmptyBatchHasNothingToAwait() {
        assertThat(publisher.batch().awaitAcknowledged()).isZero();
    }

    private static OutgoingEvent event(String key) {
        return new OutgoingEvent("topic", key, "id-" + key, "dealflow.test.Happened.v1", "/test", key,
                Instant.parse("2026-12-01T10:00:00Z"), new byte[]{1}, null, null);
    }
}
