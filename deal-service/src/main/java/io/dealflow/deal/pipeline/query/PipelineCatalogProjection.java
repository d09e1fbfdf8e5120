package io.dealflow.deal.pipeline.query;

import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.deal.ProcessingGroups;
import io.dealflow.deal.pipeline.command.PipelineCatalog;
import io.dealflow.deal.pipeline.command.PipelineVersion;
import io.dealflow.platform.pipelines.PipelineVersions;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every pipeline version, in PostgreSQL ({@value #TABLE}, kept by platform's {@link PipelineVersions}, which caches
 * the immutable versions). "Which is latest" is asked of the table, which other instances may have written, once per
 * unit of work: a command's rules, or a batch of imported deals, are judged against one reading of it.
 */
@Component
@ProcessingGroup(ProcessingGroups.PIPELINE_CATALOG)
public class PipelineCatalogProjection implements PipelineCatalog {

    /** deal-service's own table since V2, with the time each version was defined. */
    public static final String TABLE = "pipeline_versions";

    /** The latest versions read in a unit of work, kept in its root's resources. */
    private static final String LATEST_READ = PipelineCatalogProjection.class.getName() + ".latestRead";

    private final PipelineVersions versions;

    public PipelineCatalogProjection(JdbcClient jdbc) {
        this.versions = new PipelineVersions(jdbc, TABLE);
    }

    @EventHandler
    void on(PipelineDefined event, @Timestamp Instant definedAt) {
        versions.add(event, definedAt);
        latestRead().ifPresent(read -> read.remove(event.pipelineId()));
    }

    @Override
    public Optional<PipelineVersion> latest(String pipelineId) {
        return latestRead().map(read -> read.computeIfAbsent(pipelineId, this::readLatest))
                .orElseGet(() -> readLatest(pipelineId));
    }

    private Optional<PipelineVersion> readLatest(String pipelineId) {
        return versions.latest(pipelineId).map(PipelineVersion::new);
    }

    @Override
    public Optional<PipelineVersion> find(String pipelineId, int version) {
        return versions.find(pipelineId, version).map(PipelineVersion::new);
    }

    /** The latest version of every pipeline, by id. */
    public List<PipelineVersion> allLatest() {
        return versions.allLatest().stream().map(PipelineVersion::new).toList();
    }

    private static Optional<Map<String, Optional<PipelineVersion>>> latestRead() {
        if (!CurrentUnitOfWork.isStarted()) {
            return Optional.empty();
        }
        return Optional.of(CurrentUnitOfWork.get().root().getOrComputeResource(LATEST_READ, key -> new HashMap<>()));
    }
}
