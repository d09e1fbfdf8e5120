package io.dealflow.task.task;

import io.dealflow.api.CloudEventHeaders;
import io.dealflow.api.Topics;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.task.TaskEvent;
import io.dealflow.platform.kafka.OutgoingEvent;
import io.dealflow.platform.outbox.OutboxWriter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.UUID;

/**
 * Records a task event in the transactional outbox, in the same transaction as the task change, with the next
 * per-deal sequence; platform's relay publishes it to {@code dealflow.task-events.v1} once committed.
 */
@Component
public class TaskEventPublisher {

    static final String SOURCE = "/dealflow/task-service";

    private final OutboxWriter outbox;
    private final JdbcClient jdbc;
    private final EventJson json = new EventJson();

    public TaskEventPublisher(OutboxWriter outbox, JdbcClient jdbc) {
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /**
     * @param causationId the id of the event or request that caused this one, or null
     * @param clientId    the OAuth client whose request caused it, or null for what task-service does by itself
     */
    public void publish(TaskEvent event, Instant at, String causationId, String clientId) {
        String eventId = UUID.randomUUID().toString();
        long sequence = nextSequence(event.dealId());
        byte[] value = json.writeTaskEvent(new PublishedEvent<>(eventId, sequence, at, event, clientId));
        outbox.append(new OutgoingEvent(Topics.TASK_EVENTS, event.dealId(), eventId,
                CloudEventHeaders.type("task", event.eventType(), 1), SOURCE, event.dealId(), at, value, null,
                causationId));
    }

    private long nextSequence(String dealId) {
        return jdbc.sql("""
                        INSERT INTO task_event_sequences (deal_id, last_sequence) VALUES (:dealId, 0)
                        ON CONFLICT (deal_id) DO UPDATE SET last_sequence = task_event_sequences.last_sequence + 1
                        RETURNING last_sequence""")
                .param("dealId", dealId).query(Long.class).single();
    }
}
