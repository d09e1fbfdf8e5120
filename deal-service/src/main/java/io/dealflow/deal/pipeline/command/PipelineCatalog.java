package io.dealflow.deal.pipeline.command;

import java.util.Optional;

/** Every defined version of every pipeline, as the deal rules need them. */
public interface PipelineCatalog {

    Optional<PipelineVersion> latest(String pipelineId);

    Optional<PipelineVersion> find(String pipelineId, int version);
}
