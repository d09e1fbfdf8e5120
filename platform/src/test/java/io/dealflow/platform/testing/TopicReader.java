package io.dealflow.platform.testing;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Reads a topic from the beginning with a consumer group of its own, collecting the records a test cares about
 * (e.g. one deal's, by key) until it has enough or the timeout passes. Real Kafka, no mocks.
 */
public final class TopicReader implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    public TopicReader(String bootstrapServers, String topic) {
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Every record matching {@code filter} seen so far, polling until {@code enough} holds or time runs out. */
    public List<ConsumerRecord<String, byte[]>> readUntil(Predicate<ConsumerRecord<String, byte[]>> filter,
                                                          Predicate<List<ConsumerRecord<String, byte[]>>> enough,
                                                          Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        List<ConsumerRecord<String, byte[]>> matching = matching(filter);
        while (!enough.test(matching) && Instant.now().isBefore(deadline)) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
            matching = matching(filter);
        }
        return matching;
    }

    /** The records with this key, until there are at least {@code count}. */
    public List<ConsumerRecord<String, byte[]>> readKey(String key, int count, Duration timeout) {
        return readUntil(record -> key.equals(record.key()), records -> records.size() >= count, timeout);
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return seen.stream().filter(filter).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
