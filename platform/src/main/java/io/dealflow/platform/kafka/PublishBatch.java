package io.dealflow.platform.kafka;

import org.springframework.kafka.support.SendResult;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Events sent one after the other without waiting, then awaited together: one round trip to the broker for the
 * whole batch instead of one per event. The idempotent producer keeps each partition's order while it retries; the
 * producer factory never lets a record expire in the producer ({@code delivery.timeout.ms}), because an expired
 * record followed by a delivered one would put a later event of a deal on the topic ahead of an earlier one.
 *
 * <p>Not thread-safe: one batch belongs to one unit of work.
 */
public final class PublishBatch {

    private final KafkaEventPublisher publisher;
    private final List<Pending> pending = new ArrayList<>();
    private RuntimeException refusedAtOnce;

    PublishBatch(KafkaEventPublisher publisher) {
        this.publisher = publisher;
    }

    /**
     * Hands the event to the producer; the broker's answer is only known after {@link #awaitAcknowledged()}. Once a
     * send has failed at once (e.g. no metadata within max.block.ms), the events after it are not handed over:
     * they would reach the broker ahead of the failed one.
     */
    public void send(OutgoingEvent event) {
        CompletableFuture<SendResult<String, byte[]>> result;
        if (refusedAtOnce != null) {
            result = CompletableFuture.failedFuture(refusedAtOnce);
        } else {
            try {
                result = publisher.send(event);
            } catch (RuntimeException e) {
                refusedAtOnce = e;
                result = CompletableFuture.failedFuture(e);
            }
        }
        pending.add(new Pending(event, result));
    }

    public int size() {
        return pending.size();
    }

    /**
     * Waits for the broker's acknowledgement of every event sent, in sending order, within the publisher's ack
     * timeout for the whole batch.
     *
     * @return the number of events acknowledged before the first one that failed; equal to {@link #size()} when
     * all were acknowledged
     * @throws EventPublishingException for the first event the broker did not acknowledge, carrying that count
     */
    public int awaitAcknowledged() {
        long deadline = System.nanoTime() + publisher.ackTimeout().toNanos();
        int acknowledged = 0;
        for (Pending sent : pending) {
            try {
                sent.result().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EventPublishingException("Interrupted while publishing " + describe(sent.event()),
                        acknowledged, e);
            } catch (ExecutionException | TimeoutException e) {
                throw new EventPublishingException("Broker did not acknowledge " + describe(sent.event()),
                        acknowledged, e);
            }
            publisher.recordProgress(sent.event());
            acknowledged++;
        }
        return acknowledged;
    }

    private static String describe(OutgoingEvent event) {
        return event.type() + " " + event.id() + " (key " + event.key() + ") to " + event.topic();
    }

    private record Pending(OutgoingEvent event, CompletableFuture<SendResult<String, byte[]>> result) {
    }
}
