package io.dealflow.analytics.pipeline;

import io.dealflow.analytics.pipeline.ReportRefusal.PipelineUnknown;
import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.api.pipeline.StageDefinition;
import io.dealflow.platform.pipelines.PipelineCatalog;
import io.dealflow.platform.refusal.RefusedException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Optional;

/**
 * The pipeline versions as the reports need them, from platform's catalogue (fed by dealflow.pipeline-events.v1):
 * stage order and SLAs of the version a stage was visited under, and a 404 for a pipeline nobody defined.
 */
@Component
public class ReportPipelines {

    private final PipelineCatalog catalog;

    public ReportPipelines(PipelineCatalog catalog) {
        this.catalog = catalog;
    }

    public void add(PipelineDefined pipeline) {
        catalog.add(pipeline);
    }

    public Optional<PipelineDefined> find(String pipelineId, int version) {
        return catalog.find(pipelineId, version);
    }

    /** The newest version of a pipeline; an unknown pipeline is a 404 for every report. */
    public PipelineDefined latest(String pipelineId) {
        return catalog.latest(pipelineId).orElseThrow(() -> new RefusedException(new PipelineUnknown(pipelineId)));
    }

    /** Where a stage stands in the version it was visited under, for ordering rows; unknown stages sort last. */
    public int stageIndex(String pipelineId, int version, String stageId) {
        int index = find(pipelineId, version).map(pipeline -> pipeline.indexOf(stageId)).orElse(-1);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    public Optional<Duration> sla(String pipelineId, int version, String stageId) {
        return find(pipelineId, version).flatMap(pipeline -> pipeline.stage(stageId)).map(StageDefinition::sla);
    }
}
