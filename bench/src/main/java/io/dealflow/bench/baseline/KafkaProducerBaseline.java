package io.dealflow.bench.baseline;

import io.dealflow.bench.measure.Latencies;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The broker's raw rate that replay and event figures are compared with: one producer as deal-service configures
 * its own (acks=all, idempotent), sending 600-byte records as fast as the acknowledgements come back, to a topic
 * of its own with the deal-events topic's partition count. The topic is deleted afterwards.
 */
public final class KafkaProducerBaseline {

    private static final String TOPIC = "dealflow.bench-raw.v1";
    private static final int PARTITIONS = 3;

    private final String bootstrapServers;

    public KafkaProducerBaseline(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    public Latencies run(Duration duration) throws ExecutionException, InterruptedException {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            if (!admin.listTopics().names().get().contains(TOPIC)) {
                admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1))).all().get();
            }
            try {
                return produce(duration);
            } finally {
                admin.deleteTopics(List.of(TOPIC)).all().get();
            }
        }
    }

    private Latencies produce(Duration duration) {
        Latencies latencies = new Latencies();
        byte[] value = new byte[PostgresInsertBaseline.ROW_BYTES];
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            long end = System.nanoTime() + duration.toNanos();
            for (long i = 0; System.nanoTime() < end; i++) {
                long start = System.nanoTime();
                producer.send(new ProducerRecord<>(TOPIC, "key-" + (i % 1024), value), (metadata, error) -> {
                    if (error == null) {
                        latencies.recordNanos(start, System.nanoTime());
                    } else {
                        latencies.error();
                    }
                });
            }
            producer.flush();
        }
        return latencies;
    }
}
