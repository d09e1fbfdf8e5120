package io.dealflow.deal.access;

import io.dealflow.platform.security.AccessPolicy;
import io.dealflow.platform.security.Caller;
import io.dealflow.platform.security.Departments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.HashSet;
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

    public DealDepartments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<String> ofPipeline(String pipelineId) {
        return jdbc.sql("""
                        SELECT definition->>'department' FROM pipeline_versions WHERE pipeline_id = :id
                        ORDER BY version DESC LIMIT 1""")
                .param("id", pipelineId).query(String.class).optional();
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
        return departments.restriction().map(ids -> ids.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql("""
                        SELECT pipeline_id FROM (SELECT DISTINCT ON (pipeline_id) pipeline_id,
                                                        definition->>'department' AS department
                                                 FROM pipeline_versions ORDER BY pipeline_id, version DESC) latest
                        WHERE department IN (:departments)""")
                .param("departments", ids).query(String.class).list()));
    }

    /** For a pipeline named in a request body: 403 unless the caller acts for its department. */
    public void requirePipeline(Caller caller, String pipelineId) {
        AccessPolicy.requireDepartment(caller, ofPipeline(pipelineId).orElse(null), "Pipeline '" + pipelineId + "'");
    }
}
