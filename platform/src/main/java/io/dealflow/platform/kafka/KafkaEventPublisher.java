package io.dealflow.platform.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends events with CloudEvents headers and returns only once the broker acknowledged them (acks=all), so a caller
 * that records progress afterwards (a processor token, an outbox row) never records an event the broker lost.
 */
public class KafkaEventPublisher {

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

    public void publish(OutgoingEvent event) {
        ProducerRecord<String, byte[]> record = CloudEventRecords.of(event);
        try {
            template.send(record).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EventPublishingException("Interrupted while publishing " + describe(event), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new EventPublishingException("Broker did not acknowledge " + describe(event), e);
        }
        recordProgress(event);
    }

    /** The delay from an event's occurrence to the broker's acknowledgement shows a publisher falling behind. */
    private void recordProgress(OutgoingEvent event) {
        long eventMillis = event.time().toEpochMilli();
        Timer.builder("dealflow.publisher.delay")
                .description("Time from an event being stored to the broker acknowledging it")
                .tag("topic", event.topic())
                .register(meters)
                .record(Duration.ofMillis(Math.max(0, clock.millis() - eventMillis)));
    }

    private static String describe(OutgoingEvent event) {
        return event.type() + " " + event.id() + " (key " + event.key() + ") to " + event.topic();
    }
}
