package io.dealflow.analytics.rebuild;

import io.dealflow.analytics.config.AnalyticsProperties;
import io.dealflow.analytics.pipeline.ReportPipelines;
import io.dealflow.analytics.projection.DealProjector;
import io.dealflow.analytics.projection.Generations;
import io.dealflow.analytics.projection.ProjectionListeners;
import io.dealflow.analytics.projection.ProjectionTables;
import io.dealflow.analytics.projection.TaskProjector;
import io.dealflow.api.Topics;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.task.TaskEvent;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drops the projections and replays every topic from the beginning into the next generation while the active
 * one keeps answering. The replay first catches up with the end offsets seen at the start; then the active
 * generation is locked ({@link Generations#switchTo}), which pauses the live batches of every instance, the replay
 * catches up with the end offsets of that moment, and the new generation becomes the active one; the waiting batches
 * then apply into it (what the replay already applied is skipped by the per-generation consumer positions). Nothing
 * the live side saw is missing from the new generation, and one deal's events are still applied in order.
 *
 * <p>One rebuild runs at a time across all instances: it is claimed in the database ({@link RebuildClaims}), and its
 * state and progress are read from there by whichever instance is asked. An instance that dies mid-rebuild leaves a
 * claim whose heartbeat goes stale; after {@link #STALE_AFTER} another rebuild may be started.
 *
 * <p>The replay applies what it polled in batches of up to {@code dealflow.analytics.replay-batch-size} events,
 * split by deal into {@code dealflow.analytics.replay-lanes} lanes applied at once, each batch in one transaction
 * through the same projection code as the live consumers. The tables are analysed whenever the replayed part has
 * doubled, so the planner keeps knowing how large the new generation is. Before the reports
 * switch over, the new generation's tables are vacuumed and analysed: without statistics for it the planner takes
 * the new generation for empty and picks plans that are slow once it is full.
 */
@Component
public class ProjectionRebuild implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ProjectionRebuild.class);
    private static final List<String> TOPICS = List.of(Topics.PIPELINE_EVENTS, Topics.DEAL_EVENTS, Topics.TASK_EVENTS);
    /** Far longer than any pause between heartbeats (a poll, a flush, the vacuum of a large generation). */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);

    private final Generations generations;
    private final ProjectionTables tables;
    private final ReportPipelines catalog;
    private final DealProjector deals;
    private final TaskProjector tasks;
    private final ConsumerFactory<?, ?> consumers;
    private final RebuildClaims claims;
    private final String owner = "analytics-" + UUID.randomUUID();
    private final Clock clock;
    private final int batchSize;
    private final int laneCount;
    private final ExecutorService laneWorkers;
    private final EventJson json = new EventJson();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "projection-rebuild");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<String> state = new AtomicReference<>();
    private final AtomicLong replayed = new AtomicLong();
    private final AtomicLong toReplay = new AtomicLong();

    public ProjectionRebuild(Generations generations, ProjectionTables tables, ReportPipelines catalog,
                             DealProjector deals, TaskProjector tasks, ConsumerFactory<?, ?> consumers,
                             RebuildClaims claims, Clock clock, AnalyticsProperties properties) {
        this.generations = generations;
        this.tables = tables;
        this.catalog = catalog;
        this.deals = deals;
        this.tasks = tasks;
        this.consumers = consumers;
        this.claims = claims;
        this.clock = clock;
        this.batchSize = properties.replayBatchSize();
        this.laneCount = properties.replayLanes();
        this.laneWorkers = Executors.newFixedThreadPool(Math.max(1, laneCount - 1), runnable -> {
            Thread thread = new Thread(runnable, "projection-rebuild-lane");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts a rebuild unless one is running; either way returns where it stands. */
    public synchronized RebuildStatus start() {
        Instant now = clock.instant();
        claims.claim(owner, now, now.minus(STALE_AFTER)).ifPresent(claim -> {
            replayed.set(0);
            toReplay.set(0);
            state.set("REPLAYING");
            worker.submit(() -> run(claim.source(), claim.target()));
        });
        return status();
    }

    /** As the database has it, whichever instance runs the rebuild. */
    public RebuildStatus status() {
        int active = generations.active();
        return claims.read(active).orElse(RebuildStatus.idle(active));
    }

    private void run(int source, int target) {
        try {
            tables.drop(target);
            long started = System.nanoTime();
            try (Consumer<?, ?> consumer = consumers.createConsumer("analytics-rebuild-" + UUID.randomUUID(),
                    null, "-rebuild", replayConsumerProperties())) {
                List<TopicPartition> partitions = TOPICS.stream()
                        .flatMap(topic -> consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream())
                        .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                replayUntil(consumer, partitions, consumer.endOffsets(partitions), target);
                long replayedAt = System.nanoTime();
                tables.vacuumAnalyze();
                log.info("Replayed {} events into generation {} in {} ms ({} events/s), vacuumed and analysed in {}"
                        + " ms", replayed.get(), target, (replayedAt - started) / 1_000_000,
                        perSecond(replayed.get(), replayedAt - started), (System.nanoTime() - replayedAt) / 1_000_000);
                switchOver(consumer, partitions, target);
            }
            tables.drop(source);
            tables.vacuumAnalyze();
            finish("DONE", null);
            log.info("Projections rebuilt into generation {} from {} events in {} ms", target, replayed.get(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            log.error("Projection rebuild into generation {} failed; generation {} keeps answering", target, source, e);
            finish("FAILED", e.toString());
        }
    }

    private void switchOver(Consumer<?, ?> consumer, List<TopicPartition> partitions, int target) {
        setState("SWITCHING");
        generations.switchTo(target,
                () -> replayUntil(consumer, partitions, consumer.endOffsets(partitions), target));
    }

    /** Larger polls than the live consumers': a replay wants throughput, and its batches are its transactions. */
    private Properties replayConsumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, Integer.toString(batchSize));
        properties.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        properties.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(64 * 1024 * 1024));
        properties.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, Integer.toString(1024 * 1024));
        return properties;
    }

    private void replayUntil(Consumer<?, ?> consumer, List<TopicPartition> partitions, Map<TopicPartition, Long> end,
                             int target) {
        long remaining = partitions.stream().mapToLong(partition -> end.get(partition) - consumer.position(partition))
                .sum();
        toReplay.addAndGet(remaining);
        Replay replay = new Replay(target);
        ReplayUpkeep upkeep = new ReplayUpkeep(replayed.get(), Math.min(batchSize, 1000));
        while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
            for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
                replay.add(record);
            }
            replay.flush();
            switch (upkeep.after(replayed.get())) {
                case ANALYZE -> tables.analyze();
                case FOLD -> tables.compactDayCounts();
                case NONE -> { }
            }
        }
    }

    /**
     * What one poll brought, applied in lanes: a deal's events (deal and task stream alike) always go to the same
     * lane, by its id, so each lane applies its deals in delivery order, and the lanes' transactions touch disjoint
     * rows. Lanes run at once on the replay's threads, so that PostgreSQL works on more than one batch at a time.
     */
    private final class Replay {

        private final int target;
        private final List<List<ConsumerRecord<String, byte[]>>> dealRecords = new ArrayList<>();
        private final List<List<ConsumerRecord<String, byte[]>>> taskRecords = new ArrayList<>();
        private long records;

        Replay(int target) {
            this.target = target;
            for (int lane = 0; lane < laneCount; lane++) {
                dealRecords.add(new ArrayList<>());
                taskRecords.add(new ArrayList<>());
            }
        }

        @SuppressWarnings("unchecked")
        void add(ConsumerRecord<?, ?> record) {
            records++;
            byte[] value = (byte[]) record.value();
            if (value == null) {
                return;
            }
            int lane = record.key() == null ? 0 : Math.floorMod(record.key().hashCode(), laneCount);
            switch (record.topic()) {
                case Topics.PIPELINE_EVENTS -> catalog.add(json.readPipelineDefined(value).event());
                case Topics.DEAL_EVENTS -> dealRecords.get(lane).add((ConsumerRecord<String, byte[]>) record);
                case Topics.TASK_EVENTS -> taskRecords.get(lane).add((ConsumerRecord<String, byte[]>) record);
                default -> throw new IllegalStateException("Unexpected topic " + record.topic());
            }
        }

        void flush() {
            List<Future<?>> others = new ArrayList<>();
            for (int lane = 1; lane < laneCount; lane++) {
                int current = lane;
                others.add(laneWorkers.submit(() -> apply(current)));
            }
            RuntimeException failure = null;
            try {
                apply(0);
            } catch (RuntimeException e) {
                failure = e;
            }
            for (Future<?> other : others) {
                try {
                    other.get();
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException runtime ? runtime
                                : new IllegalStateException(e.getCause());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("Interrupted while replaying", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            replayed.addAndGet(records);
            records = 0;
            heartbeat();
        }

        private void apply(int lane) {
            List<PublishedEvent<DealEvent>> dealBatch = ProjectionListeners.read(dealRecords.get(lane),
                    json::readDealEvent);
            List<PublishedEvent<TaskEvent>> taskBatch = ProjectionListeners.read(taskRecords.get(lane),
                    json::readTaskEvent);
            dealRecords.get(lane).clear();
            taskRecords.get(lane).clear();
            if (!dealBatch.isEmpty()) {
                deals.apply(target, dealBatch);
            }
            if (!taskBatch.isEmpty()) {
                tasks.apply(target, taskBatch);
            }
        }
    }

    private static long perSecond(long events, long nanos) {
        return nanos <= 0 ? 0 : events * 1_000_000_000L / nanos;
    }

    private void setState(String next) {
        state.set(next);
        heartbeat();
    }

    private void heartbeat() {
        claims.progress(owner, state.get(), replayed.get(), toReplay.get(), clock.instant());
    }

    private void finish(String outcome, String error) {
        state.set(outcome);
        claims.finish(owner, outcome, error, clock.instant());
    }

    @Override
    public void destroy() {
        worker.shutdownNow();
        laneWorkers.shutdownNow();
    }
}
