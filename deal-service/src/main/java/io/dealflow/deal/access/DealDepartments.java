package io.dealflow.deal.access;

import io.dealflow.platform.pipelines.PipelineOwners;
import io.dealflow.platform.security.AccessPolicy;
import io.dealflow.platform.security.Caller;
import io.dealflow.platform.security.Departments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.Set;

/**
 * Which department owns a pipeline (the {@code department} of its latest version) and so every deal in it. Asked
 * of the tables in one statement each, never cached: a new pipeline version may move a pipeline to another
 * department, and another instance may have defined it.
 */
@Component
public class DealDepartments {

    private final JdbcClient jdbc;
    private final PipelineOwners owners;

    public DealDepartments(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.owners = new PipelineOwners(jdbc, "pipeline_versions");
    }

    public Optional<String> ofPipeline(String pipelineId) {
        return owners.departmentOf(pipelineId);
    }

    public Optional<String> ofDeal(String dealId) {
        return jdbc.sql("""
                        SELECT latest.definition->>'department' FROM deals d
                        CROSS JOIN LATERAL (SELECT definition FROM pipeline_versions v WHERE v.pipeline_id = d.pipeline_id
                                            ORDER BY v.version DESC LIMIT 1) latest
                        WHERE d.deal_id = :id""")
                .param("id", dealId).query(String.class).optional();
    }

    /** The pipelines a listing may show this caller, or empty when it acts for every department. */
    public Optional<Set<String>> pipelinesOf(Departments departments) {
        return owners.pipelinesOf(departments);
    }

    /** For a pipeline named in a request body: 403 unless the caller acts for its department. */
    public void requirePipeline(Caller caller, String pipelineId) {
        AccessPolicy.requireDepartment(caller, () -> ofPipeline(pipelineId), "Pipeline '" + pipelineId + "'");
    }
}
