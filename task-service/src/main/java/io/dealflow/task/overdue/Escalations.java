package io.dealflow.task.overdue;

import io.dealflow.task.task.TaskActors;
import io.dealflow.api.task.TaskKind;
import io.dealflow.task.deal.TrackedDeal;
import io.dealflow.task.deal.TrackedDeals;
import io.dealflow.platform.pipelines.PipelineCatalog;
import io.dealflow.task.task.Task;
import io.dealflow.task.task.TaskLifecycle;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;

/** R5: an overdue follow-up is escalated to the department head, who gets a control task and a record of it. */
@Component
class Escalations {

    private static final Logger log = LoggerFactory.getLogger(Escalations.class);

    private final TrackedDeals deals;
    private final PipelineCatalog pipelines;
    private final TaskLifecycle lifecycle;
    private final TaskProperties properties;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    Escalations(TrackedDeals deals, PipelineCatalog pipelines, TaskLifecycle lifecycle, TaskProperties properties,
                JdbcClient jdbc, MeterRegistry meters) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.lifecycle = lifecycle;
        this.properties = properties;
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** Runs in the scanner's transaction, right after the task was marked overdue. */
    void escalate(Task overdue, Instant now) {
        if (!overdue.isFollowUp()) {
            return; // a head's own control task is not escalated to the head again
        }
        TrackedDeal deal = deals.find(overdue.dealId()).orElse(null);
        if (deal == null || !deal.open()) {
            return;
        }
        String department = pipelines.require(deal.pipelineId(), deal.pipelineVersion()).department();
        String head = properties.departmentHeads().get(department);
        if (head == null) {
            log.warn("Task {} of deal {} is overdue but department '{}' has no head configured "
                    + "(dealflow.tasks.department-heads.{}): not escalated", overdue.taskId(), deal.dealId(),
                    department, department);
            return;
        }
        Task control = lifecycle.open(new TaskLifecycle.TaskDraft(deal.dealId(), deal.pipelineId(), deal.stageId(),
                TaskKind.CONTROL, "Control: '" + overdue.title() + "' of " + overdue.assigneeId() + " is overdue ("
                + deal.title() + ")", head, now.plus(properties.controlTaskDueIn())), now, TaskActors.SYSTEM,
                null);
        jdbc.sql("""
                        INSERT INTO escalations (task_id, deal_id, pipeline_id, department, head_id, control_task_id, at)
                        VALUES (:taskId, :dealId, :pipelineId, :department, :head, :controlTaskId, :at)""")
                .param("taskId", overdue.taskId())
                .param("dealId", deal.dealId())
                .param("pipelineId", deal.pipelineId())
                .param("department", department)
                .param("head", head)
                .param("controlTaskId", control.taskId())
                .param("at", Timestamp.from(now))
                .update();
        meters.counter("dealflow.tasks.escalations", "pipeline", deal.pipelineId()).increment();
    }
}
