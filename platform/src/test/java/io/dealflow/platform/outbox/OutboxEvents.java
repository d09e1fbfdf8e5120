package io.dealflow.platform.outbox;

import io.dealflow.platform.kafka.OutgoingEvent;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Events as a service would append them: a task event of one task (the key), with trace ids. */
final class OutboxEvents {

    static final String TYPE = "dealflow.task.TaskCreated.v1";
    static final String SOURCE = "/dealflow/outbox-test";

    private OutboxEvents() {
    }

    static OutgoingEvent taskCreated(String topic, String taskId) {
        String eventId = UUID.randomUUID().toString();
        // PostgreSQL keeps microseconds; a service's clock on Linux gives no more.
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String json = "{\"type\":\"TaskCreated\",\"eventId\":\"" + eventId + "\",\"taskId\":\"" + taskId
                + "\",\"occurredAt\":\"" + occurredAt + "\"}";
        return new OutgoingEvent(topic, taskId, eventId, TYPE, SOURCE, taskId, occurredAt,
                json.getBytes(StandardCharsets.UTF_8), "correlation-" + taskId, "command-" + eventId);
    }

    static String newTopic() {
        return "outbox-test-" + UUID.randomUUID();
    }

    static String newTaskId() {
        return "task-" + UUID.randomUUID();
    }
}
