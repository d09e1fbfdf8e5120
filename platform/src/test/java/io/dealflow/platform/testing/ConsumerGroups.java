package io.dealflow.platform.testing;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Waits on a service's consumer group rather than on what the record should have changed: a test that asserts
 * "nothing changed" after a record must first know the record was consumed, or it passes before the record is read.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /**
     * Until {@code group} has committed an offset past {@code offset} on that partition. The services commit after
     * the poll's transaction, so by then the record's effect (or its absence) is in the database.
     */
    public static void awaitConsumedPast(String group, String topic, int partitionNumber, long offset,
                                         Duration timeout) {
        TopicPartition partition = new TopicPartition(topic, partitionNumber);
        try (AdminClient admin = AdminClient.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            await().atMost(timeout).ignoreExceptions().until(() -> {
                OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                        .get().get(partition);
                return committed.offset() > offset;
            });
        }
    }
}
