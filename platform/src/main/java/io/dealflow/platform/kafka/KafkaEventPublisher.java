package io.dealflow.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * Sends events with CloudEvents headers and returns only once the broker acknowledged them (acks=all), so a caller
 * that records progress afterwards (a processor token, an outbox row) never records an event the broker lost. A
 * {@link PublishBatch} sends many and waits once, which is what makes publishing keep up with the event store.
 */
public class KafkaEventPublisher {

    private static final Duration[] DELAY_BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10),
            Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(200),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)};

    private final KafkaTemplate<String, byte[]> template;
    private final Duration ackTimeout;
    private final Clock clock;
    private final MeterRegistry meters;

    public KafkaEventPublisher(KafkaTemplate<String, byte[]> template, Duration ackTimeout, Clock clock,
                               MeterRegistry meters) {
        this.template = template;
        this.ackTimeout = ackTimeout;
        this.clock = clock;
        this.meters = meters;
    }

    /** Sends one event and waits for its acknowledgement. */
    public void publish(OutgoingEvent event) {
        PublishBatch batch = batch();
        batch.send(event);
        batch.awaitAcknowledged();
    }

    /** A batch to send several events and then wait once for all of their acknowledgements. */
    public PublishBatch batch() {
        return new PublishBatch(this);
    }

    /** Hands one event to the producer; a subclass may watch sends (tests do). */
    protected CompletableFuture<SendResult<String, byte[]>> send(OutgoingEvent event) {
        return template.send(CloudEventRecords.of(event));
    }

    Duration ackTimeout() {
        return ackTimeout;
    }

    /** The delay from an event's occurrence to the broker's acknowledgement shows a publisher falling behind. */
    void recordProgress(OutgoingEvent event) {
        long eventMillis = event.time().toEpochMilli();
        Timer.builder("dealflow.publisher.delay")
                .description("Time from an event being stored to the broker acknowledging it")
                .tag("topic", event.topic())
                // buckets for a p99 in Prometheus, around the 200 ms event-to-consumer target
                .serviceLevelObjectives(DELAY_BUCKETS)
                .register(meters)
                .record(Duration.ofMillis(Math.max(0, clock.millis() - eventMillis)));
    }
}
