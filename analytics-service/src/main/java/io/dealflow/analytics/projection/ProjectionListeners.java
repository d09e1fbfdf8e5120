package io.dealflow.analytics.projection;

import io.dealflow.analytics.metrics.AnalyticsMetrics;
import io.dealflow.api.Topics;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.task.TaskEvent;
import io.dealflow.platform.consumer.PollBatches;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The live consumers: deal and task events, keyed by deal id, so one deal's events arrive in order on one
 * partition. They feed the active generation; a rebuild stops them for its last stretch and switches generation.
 *
 * <p>Each poll is one batch and one transaction: the offsets are committed after it (ack mode batch), so a failed
 * batch leaves nothing written; it is then applied record by record to tell the failing one apart
 * ({@link PollBatches}), and a redelivery after a crash is skipped by the consumer positions. The batch's
 * transaction holds the active generation ({@link Generations#lockActive()}), so a switch by any instance waits for it
 * and the batch lands wholly in one generation.
 */
@Component
public class ProjectionListeners {

    public static final String DEALS = "analytics-service-deals";
    public static final String TASKS = "analytics-service-tasks";

    private static final Logger log = LoggerFactory.getLogger(ProjectionListeners.class);

    private final Generations generations;
    private final DealProjector deals;
    private final TaskProjector tasks;
    private final AnalyticsMetrics metrics;
    private final TransactionTemplate transactions;
    private final EventJson json = new EventJson();

    ProjectionListeners(Generations generations, DealProjector deals, TaskProjector tasks, AnalyticsMetrics metrics,
                        TransactionTemplate transactions) {
        this.generations = generations;
        this.deals = deals;
        this.tasks = tasks;
        this.metrics = metrics;
        this.transactions = transactions;
    }

    @KafkaListener(id = DEALS, topics = Topics.DEAL_EVENTS, batch = "true")
    void onDealEvents(List<ConsumerRecord<String, byte[]>> records) {
        PollBatches.applyOrIsolate(records, polled -> {
            List<PublishedEvent<DealEvent>> batch = read(polled, json::readDealEvent);
            if (!batch.isEmpty()) {
                transactions.execute(status -> deals.apply(generations.lockActive(), batch))
                        .forEach(metrics::visitFinished);
                metrics.applied(Topics.DEAL_EVENTS, batch.get(batch.size() - 1).occurredAt());
            }
        });
    }

    @KafkaListener(id = TASKS, topics = Topics.TASK_EVENTS, batch = "true")
    void onTaskEvents(List<ConsumerRecord<String, byte[]>> records) {
        PollBatches.applyOrIsolate(records, polled -> {
            List<PublishedEvent<TaskEvent>> batch = read(polled, json::readTaskEvent);
            if (!batch.isEmpty()) {
                transactions.executeWithoutResult(status -> tasks.apply(generations.lockActive(), batch));
                metrics.applied(Topics.TASK_EVENTS, batch.get(batch.size() - 1).occurredAt());
            }
        });
    }

    /**
     * A record that is not a readable event can never become one: it is logged and left out, as the error handler
     * does with a single record, instead of failing (and endlessly redelivering) the whole batch.
     */
    public static <E> List<PublishedEvent<E>> read(List<ConsumerRecord<String, byte[]>> records,
                                            Function<byte[], PublishedEvent<E>> reader) {
        List<PublishedEvent<E>> batch = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            if (record.value() == null) {
                continue;
            }
            try {
                PublishedEvent<E> published = reader.apply(record.value());
                if (published.sequence() < 0) {
                    throw new IllegalArgumentException("Sequences start at 0, got " + published.sequence());
                }
                batch.add(published);
            } catch (RuntimeException e) {
                log.error("Skipping unreadable record {}-{}@{}: {}", record.topic(), record.partition(),
                        record.offset(), e.toString());
            }
        }
        return batch;
    }
}
