package io.dealflow.platform.outbox;

import io.dealflow.api.CloudEventHeaders;
import io.dealflow.platform.kafka.KafkaEventPublisher;
import io.dealflow.platform.kafka.OutgoingEvent;
import io.dealflow.platform.kafka.PublishingProperties;
import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import io.dealflow.platform.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** Two instances of a service on one database, as two replicas would run: one relays at a time. */
class TwoRelaysTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        TestDatabase database = TestInfrastructure.newDatabase("platform_outbox_pair");
        Class<?>[] watched = {WatchedPublishing.class};
        // small batches and quick polls: many rounds, each a chance for the other instance to step in
        first = OutboxTestApplication.start(database, watched, "dealflow.outbox.batch-size=3",
                "dealflow.outbox.poll-interval=10ms");
        second = OutboxTestApplication.start(database, watched, "dealflow.outbox.batch-size=3",
                "dealflow.outbox.poll-interval=10ms");
    }

    @AfterAll
    static void stopBoth() {
        second.close();
        first.close();
    }

    @Test
    void twoRelaysOnOneDatabaseNeverPublishAtTheSameTimeAndPublishEachEventOnce() {
        String topic = OutboxEvents.newTopic();
        Map<String, List<String>> appendedByTask = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            appendedByTask.put(OutboxEvents.newTaskId(), new ArrayList<>());
        }
        // both instances take writes, as replicas behind a load balancer would
        for (int round = 0; round < 10; round++) {
            ConfigurableApplicationContext instance = round % 2 == 0 ? first : second;
            OutboxWriter outbox = instance.getBean(OutboxWriter.class);
            new TransactionTemplate(instance.getBean(PlatformTransactionManager.class)).executeWithoutResult(s ->
                    appendedByTask.forEach((taskId, appended) -> {
                        OutgoingEvent event = OutboxEvents.taskCreated(topic, taskId);
                        outbox.append(event);
                        appended.add(event.id());
                    }));
        }
        int total = appendedByTask.values().stream().mapToInt(List::size).sum();

        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), topic)) {
            List<ConsumerRecord<String, byte[]>> records =
                    reader.readUntil(record -> true, found -> found.size() >= total, WAIT);

            appendedByTask.forEach((taskId, appended) -> assertThat(records.stream()
                    .filter(record -> taskId.equals(record.key())).map(TwoRelaysTest::eventId))
                    .containsExactlyElementsOf(appended));
        }
        assertThat(first.getBean(OutboxRelay.class).isRunning()).isTrue();
        assertThat(second.getBean(OutboxRelay.class).isRunning()).isTrue();
        assertThat(WatchingPublisher.overlaps.get()).isZero();
        assertThat(WatchingPublisher.published).hasSize(total).doesNotHaveDuplicates();
    }

    private static String eventId(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader(CloudEventHeaders.ID).value(), StandardCharsets.UTF_8);
    }

    /** Replaces each instance's publisher with one that notices publishes overlapping across instances. */
    @Configuration(proxyBeanMethods = false)
    static class WatchedPublishing {

        @Bean
        KafkaEventPublisher kafkaEventPublisher(KafkaTemplate<String, byte[]> eventKafkaTemplate,
                                                PublishingProperties publishing, MeterRegistry meters) {
            return new WatchingPublisher(eventKafkaTemplate, publishing.ackTimeout(), meters);
        }
    }

    /**
     * Shared by both instances (one JVM): which instance has sends in flight, whether the two ever overlap, and
     * which events went out. Within one instance a round's batch is in flight together; across instances never.
     */
    static final class WatchingPublisher extends KafkaEventPublisher {

        static final Map<WatchingPublisher, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        static final AtomicInteger overlaps = new AtomicInteger();
        static final Queue<String> published = new ConcurrentLinkedQueue<>();

        WatchingPublisher(KafkaTemplate<String, byte[]> template, Duration ackTimeout, MeterRegistry meters) {
            super(template, ackTimeout, Clock.systemUTC(), meters);
        }

        @Override
        protected CompletableFuture<SendResult<String, byte[]>> send(OutgoingEvent event) {
            AtomicInteger mine = inFlight.computeIfAbsent(this, instance -> new AtomicInteger());
            mine.incrementAndGet();
            if (inFlight.entrySet().stream().anyMatch(other -> other.getKey() != this && other.getValue().get() > 0)) {
                overlaps.incrementAndGet();
            }
            return super.send(event).whenComplete((result, failure) -> {
                if (failure == null) {
                    published.add(event.id());
                }
                mine.decrementAndGet();
            });
        }
    }
}
