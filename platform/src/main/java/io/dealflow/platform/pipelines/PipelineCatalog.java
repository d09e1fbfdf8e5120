package io.dealflow.platform.pipelines;

import io.dealflow.api.Topics;
import io.dealflow.api.json.DealflowJson;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.StageDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A consuming service's own copy of every pipeline version, from {@code dealflow.pipeline-events.v1}: it never asks
 * deal-service for a definition. Versions never change, so they are cached once read. Enabled in a service with
 * {@code dealflow.pipeline-catalog.enabled=true}; the table comes with platform's migrations.
 */
public class PipelineCatalog {

    private final JdbcClient jdbc;
    private final Map<String, PipelineDefined> cache = new ConcurrentHashMap<>();
    private final PipelineOwners owners;

    public PipelineCatalog(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.owners = new PipelineOwners(jdbc, "pipeline_catalog");
    }

    public void add(PipelineDefined pipeline) {
        jdbc.sql("""
                        INSERT INTO pipeline_catalog (pipeline_id, version, definition)
                        VALUES (:id, :version, CAST(:definition AS jsonb))
                        ON CONFLICT (pipeline_id, version) DO NOTHING""")
                .param("id", pipeline.pipelineId())
                .param("version", pipeline.version())
                .param("definition", DealflowJson.mapper().writeValueAsString(pipeline))
                .update();
    }

    public Optional<PipelineDefined> find(String pipelineId, int version) {
        String key = Topics.pipelineKey(pipelineId, version);
        PipelineDefined cached = cache.get(key);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<PipelineDefined> loaded = jdbc.sql(
                        "SELECT definition FROM pipeline_catalog WHERE pipeline_id = :id AND version = :version")
                .param("id", pipelineId).param("version", version)
                .query(String.class).optional()
                .map(json -> DealflowJson.mapper().readValue(json, PipelineDefined.class));
        loaded.ifPresent(found -> cache.put(key, found));
        return loaded;
    }

    /**
     * The version a deal event names. Pipeline and deal events travel on different topics, so a deal event can
     * arrive before its pipeline version: the consumer then retries the record until the catalogue has caught up.
     */
    public PipelineDefined require(String pipelineId, int version) {
        return find(pipelineId, version).orElseThrow(() -> new PipelineNotYetKnownException(pipelineId, version));
    }

    /** The latest version of a pipeline, as far as this service has consumed them. */
    public Optional<PipelineDefined> latest(String pipelineId) {
        return jdbc.sql("SELECT max(version) FROM pipeline_catalog WHERE pipeline_id = :id")
                .param("id", pipelineId).query(Integer.class).optional()
                .flatMap(version -> find(pipelineId, version));
    }

    /** Which department owns which pipeline, by this catalogue's versions. */
    public PipelineOwners owners() {
        return owners;
    }

    public static StageDefinition stage(PipelineDefined pipeline, String stageId) {
        return pipeline.stage(stageId).orElseThrow(() -> new IllegalStateException(
                        "Pipeline " + pipeline.pipelineId() + " v" + pipeline.version() + " has no stage " + stageId));
    }
}
