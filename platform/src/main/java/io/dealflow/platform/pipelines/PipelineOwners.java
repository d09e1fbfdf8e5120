package io.dealflow.platform.pipelines;

import io.dealflow.platform.security.Departments;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which department owns which pipeline, read from a table of pipeline versions ({@code pipeline_id}, {@code version},
 * {@code definition} as jsonb): the department the latest version names (DESIGN §6). Asked of the table each time,
 * never cached, since a new version may move a pipeline and another instance may have stored it.
 */
public final class PipelineOwners {

    private final JdbcClient jdbc;
    private final String table;

    /** @param table the versions table: platform's {@code pipeline_catalog} or deal-service's own */
    public PipelineOwners(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
    }

    public Optional<String> departmentOf(String pipelineId) {
        return jdbc.sql("SELECT definition->>'department' FROM " + table + " WHERE pipeline_id = :id"
                        + " ORDER BY version DESC LIMIT 1")
                .param("id", pipelineId).query(String.class).optional();
    }

    /** The pipelines of these departments, or empty when they are all departments (nothing to filter). */
    public Optional<Set<String>> pipelinesOf(Departments departments) {
        return departments.restriction().map(ids -> ids.isEmpty() ? Set.of() : new HashSet<>(jdbc.sql(
                        "SELECT pipeline_id FROM (SELECT DISTINCT ON (pipeline_id) pipeline_id,"
                                + " definition->>'department' AS department FROM " + table
                                + " ORDER BY pipeline_id, version DESC) latest WHERE department IN (:departments)")
                .param("departments", ids).query(String.class).list()));
    }
}
