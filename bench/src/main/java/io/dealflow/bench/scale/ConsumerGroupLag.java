package io.dealflow.bench.scale;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/** A consumer group's lag on one topic: the end offsets minus what the group committed, summed over partitions. */
public final class ConsumerGroupLag implements AutoCloseable {

    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(30);

    private final Admin admin;

    public ConsumerGroupLag(String bootstrapServers) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }

    public long lag(String group, String topic) throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get().get(topic).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(topic, p.partition()), p -> OffsetSpec.latest()));
        Map<TopicPartition, Long> end = admin.listOffsets(partitions).all().get().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
        return end.entrySet().stream().mapToLong(e -> {
            OffsetAndMetadata done = committed.get(e.getKey());
            return e.getValue() - (done == null ? 0 : done.offset());
        }).sum();
    }

    /** Polls until the group has caught up with the topic; @return how long that took */
    public Duration awaitCaughtUp(String group, String topic, Duration timeout)
            throws ExecutionException, InterruptedException, TimeoutException {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        long reported = start;
        for (long lag = lag(group, topic); lag > 0; lag = lag(group, topic)) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(group + " still " + lag + " events behind on " + topic + " after " + timeout);
            }
            if (System.nanoTime() - reported > PROGRESS_EVERY.toNanos()) {
                System.out.printf("[bench] %s is %,d events behind on %s%n", group, lag, topic);
                reported = System.nanoTime();
            }
            Thread.sleep(250);
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    @Override
    public void close() {
        admin.close();
    }
}
