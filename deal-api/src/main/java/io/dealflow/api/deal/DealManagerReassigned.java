package io.dealflow.api.deal;

public record DealManagerReassigned(String dealId, String pipelineId, int pipelineVersion, String actor,
                                    String fromManagerId, String toManagerId) implements DealEvent {
}
