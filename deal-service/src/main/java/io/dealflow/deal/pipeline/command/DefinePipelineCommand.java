package io.dealflow.deal.pipeline.command;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Defines a new version of a pipeline, or the first one. */
public record DefinePipelineCommand(@TargetAggregateIdentifier String pipelineId, PipelineDefinition definition,
                                    String actor) {
}
