package io.dealflow.platform.pipelines;

import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.StageDefinition;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A consuming service's own copy of every pipeline version, from {@code dealflow.pipeline-events.v1}: it never asks
 * deal-service for a definition. Enabled in a service with {@code dealflow.pipeline-catalog.enabled=true}; the table
 * ({@value #TABLE}) comes with platform's migrations.
 */
public class PipelineCatalog extends PipelineVersions {

    public static final String TABLE = "pipeline_catalog";

    public PipelineCatalog(JdbcClient jdbc) {
        super(jdbc, TABLE);
    }

    /**
     * The version a deal event names. Pipeline and deal events travel on different topics, so a deal event can
     * arrive before its pipeline version: the consumer then retries the record until the catalogue has caught up.
     */
    public PipelineDefined require(String pipelineId, int version) {
        return find(pipelineId, version).orElseThrow(() -> new PipelineNotYetKnownException(pipelineId, version));
    }

    public static StageDefinition stage(PipelineDefined pipeline, String stageId) {
        return pipeline.stage(stageId).orElseThrow(() -> new IllegalStateException(
                        "Pipeline " + pipeline.pipelineId() + " v" + pipeline.version() + " has no stage " + stageId));
    }
}
