package io.dealflow.task.task;

import io.dealflow.api.CloudEventHeaders;
import io.dealflow.api.Topics;
import io.dealflow.api.json.EventJson;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.task.TaskEvent;
import io.dealflow.platform.kafka.OutgoingEvent;
import io.dealflow.platform.outbox.OutboxWriter;
import io.dealflow.platform.jdbc.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Records a task event in the transactional outbox, in the same transaction as the task change, with the next
 * per-deal sequence; platform's relay publishes it to {@code dealflow.task-events.v1} once committed.
 */
@Component
public class TaskEventPublisher {

    static final String SOURCE = "/dealflow/task-service";

    private final OutboxWriter outbox;
    private final JdbcTemplate jdbc;
    private final EventJson json = new EventJson();

    public TaskEventPublisher(OutboxWriter outbox, JdbcTemplate jdbc) {
        this.outbox = outbox;
        this.jdbc = jdbc;
    }

    /**
     * @param causationId the id of the event or request that caused this one, or null
     * @param clientId    the OAuth client whose request caused it, or null for what task-service does by itself
     */
    public void publish(TaskEvent event, Instant at, String causationId, String clientId) {
        publishAll(List.of(new Pending(event, at, causationId, clientId)));
    }

    /**
     * Records the events in their order, each deal's numbered on from its last sequence: one statement takes the
     * sequences of every deal at once, one batch appends the events.
     */
    public void publishAll(List<Pending> events) {
        if (events.isEmpty()) {
            return;
        }
        Map<String, Long> counts = new TreeMap<>();
        events.forEach(pending -> counts.merge(pending.event().dealId(), 1L, Long::sum));
        Map<String, Long> nextSequence = firstSequences(counts);
        List<OutgoingEvent> outgoing = new ArrayList<>(events.size());
        for (Pending pending : events) {
            TaskEvent event = pending.event();
            String eventId = UUID.randomUUID().toString();
            long sequence = nextSequence.merge(event.dealId(), 1L, Long::sum) - 1;
            byte[] value = json.writeTaskEvent(new PublishedEvent<>(eventId, sequence, pending.at(), event,
                    pending.clientId()));
            outgoing.add(new OutgoingEvent(Topics.TASK_EVENTS, event.dealId(), eventId,
                    CloudEventHeaders.type("task", event.eventType(), 1), SOURCE, event.dealId(), pending.at(), value,
                    null, pending.causationId()));
        }
        outbox.appendAll(outgoing);
    }

    /**
     * Takes {@code count} sequences for each deal (in the order of their ids, so two transactions lock the rows in
     * the same order) and returns the first of each.
     */
    private Map<String, Long> firstSequences(Map<String, Long> counts) {
        Map<String, Long> first = new HashMap<>();
        jdbc.query(connection -> SqlArrays.prepare(connection, """
                        INSERT INTO task_event_sequences AS s (deal_id, last_sequence)
                        SELECT deal_id, taken - 1 FROM unnest(?::text[], ?::bigint[]) AS c (deal_id, taken)
                        ORDER BY deal_id
                        ON CONFLICT (deal_id) DO UPDATE SET last_sequence = s.last_sequence + EXCLUDED.last_sequence + 1
                        RETURNING deal_id, last_sequence""",
                        counts.keySet().toArray(String[]::new), counts.values().toArray(Long[]::new)),
                (RowCallbackHandler) row -> first.put(row.getString(1),
                        row.getLong(2) - counts.get(row.getString(1)) + 1));
        if (first.size() != counts.size()) {
            throw new IllegalStateException("Sequences were taken for " + first.size() + " of " + counts.size()
                    + " deals");
        }
        return first;
    }

    /** An event to record, with what {@link #publish} takes beside it. */
    public record Pending(TaskEvent event, Instant at, String causationId, String clientId) {
    }
}
