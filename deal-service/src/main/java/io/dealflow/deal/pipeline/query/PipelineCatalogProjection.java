package io.dealflow.deal.pipeline.query;

import io.dealflow.api.Topics;
import io.dealflow.api.json.DealflowJson;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.deal.ProcessingGroups;
import io.dealflow.deal.pipeline.command.PipelineCatalog;
import io.dealflow.deal.pipeline.command.PipelineVersion;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every pipeline version, in PostgreSQL. Versions never change once defined, so they are cached in memory for the
 * deal rules; "which is latest" is asked of the table, which other instances may have written, once per unit of
 * work: a command's rules, or a batch of imported deals, are judged against one reading of it.
 */
@Component
@ProcessingGroup(ProcessingGroups.PIPELINE_CATALOG)
public class PipelineCatalogProjection implements PipelineCatalog {

    /** The latest versions read in a unit of work, kept in its root's resources. */
    private static final String LATEST_READ = PipelineCatalogProjection.class.getName() + ".latestRead";

    private final JdbcClient jdbc;
    private final Map<String, PipelineVersion> versions = new ConcurrentHashMap<>();

    public PipelineCatalogProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(PipelineDefined event, @org.axonframework.eventhandling.Timestamp Instant definedAt) {
        jdbc.sql("""
                        INSERT INTO pipeline_versions (pipeline_id, version, definition, defined_at)
                        VALUES (:id, :version, CAST(:definition AS jsonb), :definedAt)
                        ON CONFLICT (pipeline_id, version) DO NOTHING""")
                .param("id", event.pipelineId())
                .param("version", event.version())
                .param("definition", DealflowJson.mapper().writeValueAsString(event))
                .param("definedAt", Timestamp.from(definedAt))
                .update();
        latestRead().ifPresent(read -> read.remove(event.pipelineId()));
    }

    @Override
    public Optional<PipelineVersion> latest(String pipelineId) {
        return latestRead().map(read -> read.computeIfAbsent(pipelineId, this::readLatest))
                .orElseGet(() -> readLatest(pipelineId));
    }

    private Optional<PipelineVersion> readLatest(String pipelineId) {
        return jdbc.sql("SELECT max(version) FROM pipeline_versions WHERE pipeline_id = :id")
                .param("id", pipelineId)
                .query(Integer.class)
                .optional()
                .flatMap(version -> find(pipelineId, version));
    }

    @Override
    public Optional<PipelineVersion> find(String pipelineId, int version) {
        PipelineVersion cached = versions.get(key(pipelineId, version));
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PipelineVersion> loaded = jdbc.sql(
                        "SELECT definition FROM pipeline_versions WHERE pipeline_id = :id AND version = :version")
                .param("id", pipelineId)
                .param("version", version)
                .query(String.class)
                .optional()
                .map(json -> new PipelineVersion(DealflowJson.mapper().readValue(json, PipelineDefined.class)));
        loaded.ifPresent(found -> versions.put(key(pipelineId, version), found));
        return loaded;
    }

    /** The latest version of every pipeline, by id. */
    public List<PipelineVersion> allLatest() {
        return jdbc.sql("""
                        SELECT DISTINCT ON (pipeline_id) pipeline_id, version FROM pipeline_versions
                        ORDER BY pipeline_id, version DESC""")
                .query((row, index) -> find(row.getString("pipeline_id"), row.getInt("version")).orElseThrow())
                .list();
    }

    private static Optional<Map<String, Optional<PipelineVersion>>> latestRead() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.of(CurrentUnitOfWork.get().root().getOrComputeResource(LATEST_READ, key -> new HashMap<>()));
    }

    private static String key(String pipelineId, int version) {
        return Topics.pipelineKey(pipelineId, version);
    }
}
