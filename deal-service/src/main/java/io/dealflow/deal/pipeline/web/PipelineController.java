package io.dealflow.deal.pipeline.web;

import io.dealflow.api.DealflowHeaders;
import io.dealflow.api.ProblemTypes;
import io.dealflow.deal.pipeline.command.DefinePipelineCommand;
import io.dealflow.deal.pipeline.command.PipelineDefinition;
import io.dealflow.deal.pipeline.command.PipelineDefinitionResult;
import io.dealflow.deal.pipeline.command.PipelineVersion;
import io.dealflow.deal.pipeline.query.PipelineCatalogProjection;
import io.dealflow.platform.problem.NotFoundException;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@RequestMapping("/api/v1/pipelines")
class PipelineController {

    private final CommandGateway commands;
    private final PipelineCatalogProjection catalog;

    PipelineController(CommandGateway commands, PipelineCatalogProjection catalog) {
        this.commands = commands;
        this.catalog = catalog;
    }

    /** The latest version of every pipeline. */
    @GetMapping
    List<PipelineView> all() {
        return catalog.allLatest().stream().map(version -> PipelineView.of(version.definition())).toList();
    }

    /** The latest version, or any earlier one with {@code ?version=}: old history stays readable (R10). */
    @GetMapping("/{pipelineId}")
    PipelineView one(@PathVariable String pipelineId, @RequestParam(required = false) Integer version) {
        return PipelineView.of(find(pipelineId, version).definition());
    }

    /**
     * Defines a new version when the definition differs from the latest; the same definition again defines
     * nothing. 201 for a pipeline's first version.
     */
    @PutMapping("/{pipelineId}")
    ResponseEntity<PipelineView> define(@PathVariable String pipelineId, @RequestBody PipelineDefinition definition,
                                        @RequestHeader(name = DealflowHeaders.ACTOR, required = false)
                                        @Size(max = 100) String actor) {
        PipelineDefinitionResult result = commands.sendAndWait(new DefinePipelineCommand(pipelineId, definition,
                actor == null || actor.isBlank() ? DealflowHeaders.ANONYMOUS_ACTOR : actor));
        HttpStatus status = result.changed() && result.version() == 1 ? HttpStatus.CREATED : HttpStatus.OK;
        return ResponseEntity.status(status).body(PipelineView.of(find(pipelineId, result.version()).definition()));
    }

    private PipelineVersion find(String pipelineId, Integer version) {
        return (version == null ? catalog.latest(pipelineId) : catalog.find(pipelineId, version))
                .orElseThrow(() -> new NotFoundException(ProblemTypes.PIPELINE_NOT_FOUND,
                        "There is no pipeline '" + pipelineId + "'" + (version == null ? "" : " version " + version)
                                + "."));
    }
}
