package io.dealflow.analytics.history;

import io.dealflow.api.Topics;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.deal.Direction;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.pipeline.BackwardMode;
import io.dealflow.api.pipeline.LossReason;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.SkipMode;
import io.dealflow.api.pipeline.StageDefinition;
import io.dealflow.api.pipeline.TaskTemplate;
import io.dealflow.api.task.TaskEvent;
import io.dealflow.api.task.TaskKind;
import io.dealflow.api.task.TaskOpened;
import io.dealflow.api.task.TaskOverdue;
import io.dealflow.api.task.TaskRescheduled;
import io.dealflow.platform.testing.TestInfrastructure;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/**
 * Writes events onto the real topics as deal-service and task-service would: flat JSON, keyed by deal id, with
 * gap-free per-deal sequences and the {@code occurredAt} the test chooses, so every duration is exact. Every event
 * written is also kept in {@link #dealEvents()}, for an independent recomputation.
 */
public final class EventFeed implements AutoCloseable {

    private final EventJson json = new EventJson();
    private final KafkaProducer<String, byte[]> producer;
    private final Map<String, Long> dealSequences = new HashMap<>();
    private final Map<String, Long> taskSequences = new HashMap<>();
    private final Map<String, DealEvent> lastOf = new HashMap<>();
    private final Map<String, String> managers = new HashMap<>();
    private final Map<String, String> stages = new HashMap<>();
    private final List<PublishedEvent<DealEvent>> dealEvents = new ArrayList<>();
    private final List<ProducerRecord<String, byte[]>> sent = new ArrayList<>();

    public EventFeed() {
        ensureTopics();
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestInfrastructure.kafka().bootstrapServers(),
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new StringSerializer(), new ByteArraySerializer());
    }

    /** The topics' owners (deal-service, task-service) create them; here the test stands in for them. */
    public static void ensureTopics() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.kafka().bootstrapServers()))) {
            for (NewTopic topic : List.of(new NewTopic(Topics.DEAL_EVENTS, 3, (short) 1),
                    new NewTopic(Topics.TASK_EVENTS, 3, (short) 1),
                    new NewTopic(Topics.PIPELINE_EVENTS, 1, (short) 1)
                            .configs(Map.of("cleanup.policy", "compact")))) {
                try {
                    admin.createTopics(List.of(topic)).all().get();
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A pipeline with the given stages (SLA each), skips allowed with a reason, backward moves allowed. */
    public void pipeline(String pipelineId, int version, String handoffTo, Map<String, Duration> stagesWithSla) {
        List<StageDefinition> stages = stagesWithSla.entrySet().stream()
                .map(stage -> new StageDefinition(stage.getKey(), "Stage " + stage.getKey(), List.of(), List.of(),
                        stage.getValue(), new TaskTemplate("Follow up " + stage.getKey(), Duration.ofHours(4))))
                .toList();
        PipelineDefined defined = new PipelineDefined(pipelineId, version, "Pipeline " + pipelineId, "sales",
                SkipMode.ALLOW_WITH_REASON, BackwardMode.ALLOW_WITH_REASON, handoffTo, null, stages,
                List.of(new LossReason("price", "Price"), new LossReason("silent", "Client went silent"),
                        new LossReason("other", "Other")), "it-user");
        send(new ProducerRecord<>(Topics.PIPELINE_EVENTS, Topics.pipelineKey(pipelineId, version),
                json.writePipelineDefined(new PublishedEvent<>(UUID.randomUUID().toString(), 0,
                        Instant.parse("2020-01-01T00:00:00Z"), defined))));
    }

    public void open(String dealId, String pipelineId, int version, String managerId, String stageId, Instant at) {
        open(dealId, pipelineId, version, managerId, stageId, at, null, null);
    }

    public void open(String dealId, String pipelineId, int version, String managerId, String stageId, Instant at,
                     String originDealId, String originManagerId) {
        deal(new DealOpened(dealId, pipelineId, version, managerId, "Deal " + dealId, managerId, stageId,
                Map.of(), List.of(), null, originDealId, originManagerId), at);
    }

    public void forward(String dealId, String toStageId, Instant at, String... skipped) {
        move(dealId, toStageId, Direction.FORWARD, at, List.of(skipped));
    }

    public void backward(String dealId, String toStageId, Instant at) {
        move(dealId, toStageId, Direction.BACKWARD, at, List.of());
    }

    private void move(String dealId, String toStageId, Direction direction, Instant at, List<String> skipped) {
        DealEvent last = lastOf.get(dealId);
        String reason = skipped.isEmpty() && direction == Direction.FORWARD ? null : "scripted";
        deal(new DealStageChanged(dealId, last.pipelineId(), last.pipelineVersion(), manager(dealId),
                stage(dealId), toStageId, direction, skipped, reason, manager(dealId)), at);
    }

    public void reassign(String dealId, String toManagerId, Instant at) {
        DealEvent last = lastOf.get(dealId);
        deal(new DealManagerReassigned(dealId, last.pipelineId(), last.pipelineVersion(), "head",
                manager(dealId), toManagerId), at);
    }

    public void won(String dealId, Instant at) {
        DealEvent last = lastOf.get(dealId);
        deal(new DealWon(dealId, last.pipelineId(), last.pipelineVersion(), manager(dealId), stage(dealId),
                manager(dealId)), at);
    }

    public void lost(String dealId, String reasonCode, Instant at) {
        DealEvent last = lastOf.get(dealId);
        deal(new DealLost(dealId, last.pipelineId(), last.pipelineVersion(), manager(dealId), stage(dealId),
                manager(dealId), reasonCode, "scripted loss"), at);
    }

    public void taskOpened(String taskId, String dealId, String pipelineId, String assigneeId, Instant at) {
        task(new TaskOpened(taskId, dealId, pipelineId, assigneeId, "Call", at.plus(Duration.ofHours(4)),
                TaskKind.STAGE, null, "system:task-service"), at);
    }

    public void taskOverdue(String taskId, String dealId, String pipelineId, String assigneeId, Instant at) {
        task(new TaskOverdue(taskId, dealId, pipelineId, assigneeId, "Call", at, TaskKind.STAGE, null,
                "system:task-service"), at);
    }

    public void taskRescheduled(String taskId, String dealId, String pipelineId, String assigneeId, Instant at) {
        task(new TaskRescheduled(taskId, dealId, pipelineId, assigneeId, "Call", at.plus(Duration.ofDays(1)),
                TaskKind.STAGE, null, assigneeId, at, "client asked"), at);
    }

    /** Sends every record written so far once more: at-least-once delivery must not double count. */
    public void redeliverEverything() {
        List.copyOf(sent).forEach(producer::send);
        producer.flush();
    }

    public void flush() {
        producer.flush();
    }

    public List<PublishedEvent<DealEvent>> dealEvents() {
        return List.copyOf(dealEvents);
    }

    private String manager(String dealId) {
        return managers.get(dealId);
    }

    private String stage(String dealId) {
        return stages.get(dealId);
    }

    private void deal(DealEvent event, Instant at) {
        long sequence = dealSequences.merge(event.dealId(), 1L, Long::sum) - 1;
        PublishedEvent<DealEvent> published = new PublishedEvent<>(UUID.randomUUID().toString(), sequence, at, event);
        dealEvents.add(published);
        lastOf.put(event.dealId(), event);
        if (event instanceof DealOpened opened) {
            managers.put(opened.dealId(), opened.managerId());
            stages.put(opened.dealId(), opened.stageId());
        } else if (event instanceof DealManagerReassigned reassigned) {
            managers.put(reassigned.dealId(), reassigned.toManagerId());
        } else if (event instanceof DealStageChanged changed) {
            stages.put(changed.dealId(), changed.toStageId());
        }
        send(new ProducerRecord<>(Topics.DEAL_EVENTS, event.dealId(), json.writeDealEvent(published)));
    }

    private void task(TaskEvent event, Instant at) {
        long sequence = taskSequences.merge(event.dealId(), 1L, Long::sum) - 1;
        send(new ProducerRecord<>(Topics.TASK_EVENTS, event.dealId(),
                json.writeTaskEvent(new PublishedEvent<>(UUID.randomUUID().toString(), sequence, at, event))));
    }

    private void send(ProducerRecord<String, byte[]> record) {
        sent.add(record);
        producer.send(record);
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
