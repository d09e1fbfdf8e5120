package io.dealflow.handoff.route;

import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.platform.pipelines.PipelineCatalog;
import io.dealflow.platform.pipelines.PipelineNotYetKnownException;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Optional;

/**
 * Finds the route of a won deal. A route in configuration wins; otherwise the {@code handoffTo} of the pipeline
 * version the deal was won under makes a route carrying every field to the target pipeline, received in turn by the
 * members of the target pipeline's department. No route, no handoff. A version not consumed yet is waited for (the
 * consumer retries the record), never taken for "no route".
 */
@Component
public class Routes {

    private final HandoffProperties properties;
    private final PipelineCatalog pipelines;

    Routes(HandoffProperties properties, PipelineCatalog pipelines) {
        this.properties = properties;
        this.pipelines = pipelines;
    }

    public Optional<Route> from(String pipelineId, int pipelineVersion) {
        Optional<Route> configured = properties.routes().stream()
                .filter(route -> route.from().equals(pipelineId)).findFirst();
        if (configured.isPresent()) {
            return configured;
        }
        return Optional.ofNullable(pipelines.require(pipelineId, pipelineVersion).handoffTo())
                .map(target -> new Route(pipelineId, target, Receiver.roundRobin(membersOf(target)), List.of(),
                        null));
    }

    /**
     * The route between two pipelines as it is configured now, for choosing a receiver again: the configured route
     * from {@code from} to {@code to}, else the target department's members in turn.
     */
    public Route between(String from, String to) {
        return properties.routes().stream()
                .filter(route -> route.from().equals(from) && route.to().equals(to)).findFirst()
                .orElseGet(() -> new Route(from, to, Receiver.roundRobin(membersOf(to)), List.of(), null));
    }

    private List<String> membersOf(String pipelineId) {
        PipelineDefined target = pipelines.latest(pipelineId)
                .orElseThrow(() -> new PipelineNotYetKnownException(pipelineId, 1));
        return properties.departments().getOrDefault(target.department(), List.of());
    }
}
