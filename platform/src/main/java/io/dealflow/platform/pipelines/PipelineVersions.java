package io.dealflow.platform.pipelines;

import io.dealflow.api.Topics;
import io.dealflow.api.json.DealflowJson;
import io.dealflow.api.pipeline.PipelineDefined;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every version of every pipeline, in a table of {@code pipeline_id}, {@code version} and {@code definition} (jsonb),
 * and the one place that reads and writes such a table: deal-service's {@code pipeline_versions}, which it writes
 * from its own events, and the consumers' {@code pipeline_catalog} ({@link PipelineCatalog}). Versions never change
 * once defined, so each is read once and kept in memory; "which is latest" is asked of the table every time, since
 * another instance may have stored a newer one.
 */
public class PipelineVersions {

    private static final String ON_CONFLICT = " ON CONFLICT (pipeline_id, version) DO NOTHING";

    private final JdbcClient jdbc;
    private final String table;
    private final Map<String, PipelineDefined> cache = new ConcurrentHashMap<>();
    private final PipelineOwners owners;

    /** @param table the versions table, a name from the code (it is part of the SQL, never a parameter) */
    public PipelineVersions(JdbcClient jdbc, String table) {
        this.jdbc = jdbc;
        this.table = table;
        this.owners = new PipelineOwners(jdbc, table);
    }

    /** Stores a version; one already stored (a replay, a redelivery) is left as it was. */
    public void add(PipelineDefined pipeline) {
        jdbc.sql("INSERT INTO " + table + " (pipeline_id, version, definition)"
                        + " VALUES (:id, :version, CAST(:definition AS jsonb))" + ON_CONFLICT)
                .params(columns(pipeline))
                .update();
    }

    /** As {@link #add(PipelineDefined)}, for a table that also records when each version was defined. */
    public void add(PipelineDefined pipeline, Instant definedAt) {
        jdbc.sql("INSERT INTO " + table + " (pipeline_id, version, definition, defined_at)"
                        + " VALUES (:id, :version, CAST(:definition AS jsonb), :definedAt)" + ON_CONFLICT)
                .params(columns(pipeline))
                .param("definedAt", Timestamp.from(definedAt))
                .update();
    }

    public Optional<PipelineDefined> find(String pipelineId, int version) {
        String key = Topics.pipelineKey(pipelineId, version);
        PipelineDefined cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PipelineDefined> loaded = jdbc.sql(
                        "SELECT definition FROM " + table + " WHERE pipeline_id = :id AND version = :version")
                .param("id", pipelineId).param("version", version)
                .query(String.class).optional()
                .map(json -> DealflowJson.mapper().readValue(json, PipelineDefined.class));
        loaded.ifPresent(found -> cache.put(key, found));
        return loaded;
    }

    /** The latest version of a pipeline, as far as this table knows. */
    public Optional<PipelineDefined> latest(String pipelineId) {
        return jdbc.sql("SELECT max(version) FROM " + table + " WHERE pipeline_id = :id")
                .param("id", pipelineId).query(Integer.class).optional()
                .flatMap(version -> find(pipelineId, version));
    }

    /** The latest version of every pipeline, by id. */
    public List<PipelineDefined> allLatest() {
        return jdbc.sql("SELECT DISTINCT ON (pipeline_id) pipeline_id, version FROM " + table
                        + " ORDER BY pipeline_id, version DESC")
                .query((row, index) -> find(row.getString("pipeline_id"), row.getInt("version")).orElseThrow())
                .list();
    }

    /** Which department owns which pipeline, by this table's versions. */
    public PipelineOwners owners() {
        return owners;
    }

    private static Map<String, Object> columns(PipelineDefined pipeline) {
        return Map.of("id", pipeline.pipelineId(), "version", pipeline.version(),
                "definition", DealflowJson.mapper().writeValueAsString(pipeline));
    }
}
