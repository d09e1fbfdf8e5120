package io.dealflow.task.overdue;

import io.dealflow.task.task.TaskActors;
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
    private final EscalationPolicy policy;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    Escalations(TrackedDeals deals, PipelineCatalog pipelines, TaskLifecycle lifecycle, TaskProperties properties,
                JdbcClient jdbc, MeterRegistry meters) {
        this.deals = deals;
        this.pipelines = pipelines;
        this.lifecycle = lifecycle;
        this.policy = EscalationPolicy.of(properties);
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** Runs in the scanner's transaction, right after the task was marked overdue. */
    void escalate(Task overdue, Instant now) {
        // a control task is never escalated: no need to look its deal up
        TrackedDeal deal = overdue.isFollowUp() ? deals.find(overdue.dealId()).orElse(null) : null;
        if (!EscalationPolicy.calledFor(overdue, deal)) {
            return;
        }
        String department = pipelines.require(deal.pipelineId(), deal.pipelineVersion()).department();
        String head = policy.headOf(department).orElse(null);
        if (head == null) {
            log.warn("Task {} of deal {} is overdue but department '{}' has no head configured "
                    + "(dealflow.tasks.department-heads.{}): not escalated", overdue.taskId(), deal.dealId(),
                    department, department);
            return;
        }
        Task control = lifecycle.open(policy.controlTask(overdue, deal, head, now), now, TaskActors.SYSTEM, null);
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
