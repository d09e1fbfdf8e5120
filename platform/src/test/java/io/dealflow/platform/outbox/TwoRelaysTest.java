package io.dealflow.platform.outbox;

import io.dealflow.api.CloudEventHeaders;
import io.dealflow.platform.kafka.KafkaEventPublisher;
import io.dealflow.platform.kafka.OutgoingEvent;
import io.dealflow.platform.kafka.PublishingProperties;
import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import io.dealflow.platform.testing.TopicReader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
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
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Two instances of a service on one database, as two replicas would run: one relays at a time. */
class TwoRelaysTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** Each round goes to either relay about evenly; both not having published by then means one is not relaying. */
    private static final int MAX_ROUNDS = 40;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startTwoInstancesOnOneDatabase() {
        TestDatabase database = TestInfrastructure.newDatabase("platform_outbox_pair");
        Class<?>[] watched = {WatchedPublishing.class};
        // small batches and quick polls: many rounds, each a chance for the other instance to step in
        // a stalled broker is waited for longer than the test takes to look around
        first = OutboxTestApplication.start(database, watched, "dealflow.outbox.batch-size=3",
                "dealflow.outbox.poll-interval=10ms", "dealflow.kafka.publishing.ack-timeout=60s");
        second = OutboxTestApplication.start(database, watched, "dealflow.outbox.batch-size=3",
                "dealflow.outbox.poll-interval=10ms", "dealflow.kafka.publishing.ack-timeout=60s");
    }

    @AfterAll
    static void stopBoth() {
        second.close();
        first.close();
    }

    /**
     * Both instances must really contend: a test in which one relay did all the work while the other never tried
     * would pass these assertions with no lock at all. So rounds of writes go on until each instance has published
     * some of them, and each round's acknowledgements are slowed so the other instance tries (and waits) meanwhile.
     */
    @Test
    void twoRelaysOnOneDatabaseTakeTurnsNeverPublishAtTheSameTimeAndPublishEachEventOnce() {
        String topic = OutboxEvents.newTopic();
        Map<String, List<String>> appendedByTask = new LinkedHashMap<>();
        for (int i = 0; i < 3; i++) {
            appendedByTask.put(OutboxEvents.newTaskId(), new ArrayList<>());
        }
        WatchingPublisher firstPublisher = (WatchingPublisher) first.getBean(KafkaEventPublisher.class);
        WatchingPublisher secondPublisher = (WatchingPublisher) second.getBean(KafkaEventPublisher.class);
        double firstWaitedBefore = turnsWaited(first);
        double secondWaitedBefore = turnsWaited(second);
        WatchingPublisher.ackDelay = Duration.ofMillis(100);
        try {
            // both instances take writes, as replicas behind a load balancer would
            for (int round = 0; round < MAX_ROUNDS && !bothPublished(appendedByTask, firstPublisher,
                    secondPublisher); round++) {
                ConfigurableApplicationContext instance = round % 2 == 0 ? first : second;
                OutboxWriter outbox = instance.getBean(OutboxWriter.class);
                List<String> thisRound = new ArrayList<>();
                new TransactionTemplate(instance.getBean(PlatformTransactionManager.class)).executeWithoutResult(s ->
                        appendedByTask.forEach((taskId, appended) -> {
                            OutgoingEvent event = OutboxEvents.taskCreated(topic, taskId);
                            outbox.append(event);
                            appended.add(event.id());
                            thisRound.add(event.id());
                        }));
                await().atMost(WAIT).until(() -> WatchingPublisher.publishedIn(List.of(thisRound)).size()
                        >= thisRound.size());
            }
        } finally {
            WatchingPublisher.ackDelay = null;
        }
        int total = appendedByTask.values().stream().mapToInt(List::size).sum();

        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), topic)) {
            List<ConsumerRecord<String, byte[]>> records =
                    reader.readUntil(record -> true, found -> found.size() >= total, WAIT);

            appendedByTask.forEach((taskId, appended) -> assertThat(records.stream()
                    .filter(record -> taskId.equals(record.key())).map(TwoRelaysTest::eventId))
                    .containsExactlyElementsOf(appended));
        }
        assertThat(WatchingPublisher.publishersOf(appendedByTask.values()))
                .as("both instances relayed some of the events").containsOnlyKeys(firstPublisher, secondPublisher);
        assertThat(turnsWaited(first)).as("the first instance waited while the second relayed")
                .isGreaterThan(firstWaitedBefore);
        assertThat(turnsWaited(second)).as("the second instance waited while the first relayed")
                .isGreaterThan(secondWaitedBefore);
        assertThat(WatchingPublisher.overlaps.get()).isZero();
        List<String> published = WatchingPublisher.publishedIn(appendedByTask.values());
        assertThat(published).as("each event published once, by one instance").hasSize(total)
                .doesNotHaveDuplicates();
    }

    private static boolean bothPublished(Map<String, List<String>> appendedByTask, WatchingPublisher... instances) {
        return WatchingPublisher.publishersOf(appendedByTask.values()).keySet().containsAll(List.of(instances));
    }

    @Test
    void whileOneRelayWaitsForAStalledBrokerTheOtherWaitsItsTurnAndNoRowIsLocked() throws Exception {
        String topic = OutboxEvents.newTopic();
        String taskId = OutboxEvents.newTaskId();
        CompletableFuture<Void> broker = new CompletableFuture<>();
        WatchingPublisher.stall = broker;
        OutgoingEvent event = OutboxEvents.taskCreated(topic, taskId);
        try {
            new TransactionTemplate(first.getBean(PlatformTransactionManager.class))
                    .executeWithoutResult(s -> first.getBean(OutboxWriter.class).append(event));
            WatchingPublisher stalled = await().atMost(WAIT).until(() -> WatchingPublisher.stalledIn.get(),
                    instance -> instance != null);
            ConfigurableApplicationContext waiting = stalled == first.getBean(KafkaEventPublisher.class) ? second
                    : first;
            double waitedBefore = turnsWaited(waiting);

            await().atMost(WAIT).until(() -> turnsWaited(waiting) > waitedBefore);
            JdbcTemplate jdbc = waiting.getBean(JdbcTemplate.class);
            List<Long> locked = new TransactionTemplate(waiting.getBean(PlatformTransactionManager.class))
                    .execute(s -> jdbc.queryForList("SELECT id FROM outbox_events WHERE event_id = ? FOR UPDATE NOWAIT",
                            Long.class, event.id()));

            assertThat(locked).as("the row being sent can be locked by another transaction").hasSize(1);
            assertThat(WatchingPublisher.publishedIn(List.of(List.of(event.id())))).isEmpty();
        } finally {
            WatchingPublisher.stall = null;
            broker.complete(null);
        }
        try (TopicReader reader = new TopicReader(TestInfrastructure.kafka().bootstrapServers(), topic)) {
            assertThat(reader.readUntil(record -> true, found -> !found.isEmpty(), WAIT)).hasSize(1);
        }
        await().atMost(WAIT).until(() -> WatchingPublisher.publishedIn(List.of(List.of(event.id()))).size() == 1);
        assertThat(WatchingPublisher.overlaps.get()).isZero();
    }

    private static double turnsWaited(ConfigurableApplicationContext instance) {
        Counter waited = instance.getBean(MeterRegistry.class).find(OutboxMetrics.TURNS_WAITED).counter();
        return waited == null ? 0 : waited.count();
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
     * which instance published which event. Within one instance a round's batch is in flight together; across
     * instances never. While {@code stall} is set, acknowledgements wait for it, as from a broker that stalls.
     */
    static final class WatchingPublisher extends KafkaEventPublisher {

        static final Map<WatchingPublisher, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        static final AtomicInteger overlaps = new AtomicInteger();
        /** (instance, event id) of every acknowledged send. */
        static final Queue<Map.Entry<WatchingPublisher, String>> published = new ConcurrentLinkedQueue<>();
        static volatile CompletableFuture<Void> stall;
        /** While set, every acknowledgement arrives this much later, so a round holds the relay lock that long. */
        static volatile Duration ackDelay;
        static final AtomicReference<WatchingPublisher> stalledIn = new AtomicReference<>();

        /** The publishing instance of each of these events, once per publication. */
        static List<String> publishedIn(java.util.Collection<List<String>> eventIds) {
            java.util.Set<String> wanted = new java.util.HashSet<>();
            eventIds.forEach(wanted::addAll);
            return published.stream().filter(entry -> wanted.contains(entry.getValue()))
                    .map(entry -> entry.getValue()).toList();
        }

        /** The events among these each instance published, in the order they were acknowledged. */
        static Map<WatchingPublisher, List<String>> publishersOf(java.util.Collection<List<String>> eventIds) {
            java.util.Set<String> wanted = new java.util.HashSet<>();
            eventIds.forEach(wanted::addAll);
            Map<WatchingPublisher, List<String>> byInstance = new LinkedHashMap<>();
            published.stream().filter(entry -> wanted.contains(entry.getValue())).forEach(entry ->
                    byInstance.computeIfAbsent(entry.getKey(), instance -> new ArrayList<>()).add(entry.getValue()));
            return byInstance;
        }

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
            CompletableFuture<Void> broker = stall;
            CompletableFuture<SendResult<String, byte[]>> sent;
            if (broker == null) {
                sent = super.send(event);
            } else {
                stalledIn.compareAndSet(null, this);
                sent = broker.thenCompose(ignored -> super.send(event));
            }
            Duration delay = ackDelay;
            if (delay != null) {
                sent = sent.thenCompose(result -> CompletableFuture.supplyAsync(() -> result,
                        CompletableFuture.delayedExecutor(delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)));
            }
            return sent.whenComplete((result, failure) -> {
                if (failure == null) {
                    published.add(Map.entry(this, event.id()));
                }
                mine.decrementAndGet();
            });
        }
    }
}
