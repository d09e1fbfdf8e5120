package io.dealflow.deal.pipeline.command;

/** @param changed false when the definition equals the current version, which then stays current */
public record PipelineDefinitionResult(String pipelineId, int version, boolean changed) {
}
