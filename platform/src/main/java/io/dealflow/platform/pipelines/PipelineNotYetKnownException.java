package io.dealflow.platform.pipelines;

/** Transient: the deal event names a pipeline version whose PipelineDefined has not been consumed yet. */
public class PipelineNotYetKnownException extends RuntimeException {

    public PipelineNotYetKnownException(String pipelineId, int version) {
        super("Pipeline " + pipelineId + " version " + version + " is not in the catalogue yet");
    }
}
