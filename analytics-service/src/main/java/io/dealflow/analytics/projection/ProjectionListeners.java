package io.dealflow.analytics.projection;

import io.dealflow.analytics.metrics.AnalyticsMetrics;
import io.dealflow.api.Topics;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.task.TaskEvent;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The live consumers: deal and task events, keyed by deal id, so one deal's events arrive in order on one
 * partition. They feed the active generation; a rebuild stops them for its last stretch and switches generation.
 */
@Component
public class ProjectionListeners {

    public static final String DEALS = "analytics-service-deals";
    public static final String TASKS = "analytics-service-tasks";

    private final Generations generations;
    private final DealProjector deals;
    private final TaskProjector tasks;
    private final AnalyticsMetrics metrics;
    private final EventJson json = new EventJson();

    ProjectionListeners(Generations generations, DealProjector deals, TaskProjector tasks, AnalyticsMetrics metrics) {
        this.generations = generations;
        this.deals = deals;
        this.tasks = tasks;
        this.metrics = metrics;
    }

    @KafkaListener(id = DEALS, topics = Topics.DEAL_EVENTS)
    void onDealEvent(byte[] value) {
        PublishedEvent<DealEvent> published = json.readDealEvent(value);
        deals.apply(generations.active(), published).ifPresent(metrics::visitFinished);
        metrics.applied(Topics.DEAL_EVENTS, published.occurredAt());
    }

    @KafkaListener(id = TASKS, topics = Topics.TASK_EVENTS)
    void onTaskEvent(byte[] value) {
        PublishedEvent<TaskEvent> published = json.readTaskEvent(value);
        tasks.apply(generations.active(), published);
        metrics.applied(Topics.TASK_EVENTS, published.occurredAt());
    }
}
