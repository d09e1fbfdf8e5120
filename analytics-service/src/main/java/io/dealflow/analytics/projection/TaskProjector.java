package io.dealflow.analytics.projection;

import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.task.TaskCancelled;
import io.dealflow.api.task.TaskCompleted;
import io.dealflow.api.task.TaskEvent;
import io.dealflow.api.task.TaskOpened;
import io.dealflow.api.task.TaskOverdue;
import io.dealflow.api.task.TaskRescheduled;
import io.dealflow.platform.consumer.IdempotentConsumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;

/**
 * Projects task events (task-service's per-deal sequence) into open tasks and countable facts of one generation:
 * which deals have no open task, how often tasks went overdue or were rescheduled, and by whom.
 */
@Component
public class TaskProjector {

    private final IdempotentConsumer consumer;
    private final JdbcClient jdbc;

    public TaskProjector(IdempotentConsumer consumer, JdbcClient jdbc) {
        this.consumer = consumer;
        this.jdbc = jdbc;
    }

    public static String consumerName(int generation) {
        return "analytics-tasks-g" + generation;
    }

    /** @return whether the event was new */
    public boolean apply(int generation, PublishedEvent<TaskEvent> published) {
        return consumer.applyIfNewer(consumerName(generation), published.event().dealId(), published.sequence(),
                () -> project(generation, published));
    }

    private void project(int generation, PublishedEvent<TaskEvent> published) {
        TaskEvent event = published.event();
        if (event instanceof TaskOpened) {
            jdbc.sql("""
                            INSERT INTO tasks (generation, task_id, deal_id, pipeline_id, assignee_id, status, due_at)
                            VALUES (:generation, :taskId, :dealId, :pipelineId, :assigneeId, 'OPEN', :dueAt)
                            ON CONFLICT (generation, task_id) DO NOTHING""")
                    .param("generation", generation).param("taskId", event.taskId()).param("dealId", event.dealId())
                    .param("pipelineId", event.pipelineId()).param("assigneeId", event.assigneeId())
                    .param("dueAt", Timestamp.from(event.dueAt())).update();
        } else if (event instanceof TaskRescheduled) {
            jdbc.sql("""
                            UPDATE tasks SET due_at = :dueAt, assignee_id = :assigneeId
                            WHERE generation = :generation AND task_id = :taskId""")
                    .param("dueAt", Timestamp.from(event.dueAt())).param("assigneeId", event.assigneeId())
                    .param("generation", generation).param("taskId", event.taskId()).update();
            fact(generation, published, "RESCHEDULED");
        } else if (event instanceof TaskOverdue) {
            fact(generation, published, "OVERDUE");
        } else if (event instanceof TaskCompleted) {
            status(generation, event, "DONE");
        } else if (event instanceof TaskCancelled) {
            status(generation, event, "CANCELLED");
        }
    }

    private void status(int generation, TaskEvent event, String status) {
        jdbc.sql("UPDATE tasks SET status = :status WHERE generation = :generation AND task_id = :taskId")
                .param("status", status).param("generation", generation).param("taskId", event.taskId()).update();
    }

    private void fact(int generation, PublishedEvent<TaskEvent> published, String kind) {
        TaskEvent event = published.event();
        jdbc.sql("""
                        INSERT INTO task_facts (generation, deal_id, sequence, task_id, pipeline_id, assignee_id, kind,
                                                occurred_at)
                        VALUES (:generation, :dealId, :sequence, :taskId, :pipelineId, :assigneeId, :kind, :at)""")
                .param("generation", generation).param("dealId", event.dealId())
                .param("sequence", published.sequence()).param("taskId", event.taskId())
                .param("pipelineId", event.pipelineId()).param("assigneeId", event.assigneeId())
                .param("kind", kind).param("at", Timestamp.from(published.occurredAt())).update();
    }
}
