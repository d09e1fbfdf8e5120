package io.dealflow.task.access;

import io.dealflow.platform.pipelines.PipelineCatalog;
import io.dealflow.platform.security.AccessPolicy;
import io.dealflow.platform.security.Caller;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/** Which department a task or a deal belongs to: its pipeline's, as the pipeline catalogue says (DESIGN §6). */
@Component
public class TaskDepartments {

    private final JdbcClient jdbc;
    private final PipelineCatalog pipelines;

    public TaskDepartments(JdbcClient jdbc, PipelineCatalog pipelines) {
        this.jdbc = jdbc;
        this.pipelines = pipelines;
    }

    public Optional<String> ofTask(String taskId) {
        return pipelineOf("SELECT pipeline_id FROM tasks WHERE task_id = :id", taskId)
                .flatMap(pipelines.owners()::departmentOf);
    }

    public Optional<String> ofDeal(String dealId) {
        return pipelineOf("SELECT pipeline_id FROM tracked_deals WHERE deal_id = :id", dealId)
                .flatMap(pipelines.owners()::departmentOf);
    }

    /** The pipelines whose tasks and reports this caller may see, or empty for all. */
    public Optional<Set<String>> pipelinesOf(Caller caller) {
        return pipelines.owners().pipelinesOf(caller.departments());
    }

    /** For a deal named in a request body: 403 unless the caller acts for its department. */
    public void requireDeal(Caller caller, String dealId) {
        AccessPolicy.requireDepartment(caller, () -> ofDeal(dealId), "Deal " + dealId);
    }

    private Optional<String> pipelineOf(String sql, String id) {
        return jdbc.sql(sql).param("id", id).query(String.class).optional();
    }
}
