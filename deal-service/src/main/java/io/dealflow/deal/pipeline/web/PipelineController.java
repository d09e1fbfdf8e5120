package io.dealflow.deal.pipeline.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.deal.access.ClientMetaData;
import io.dealflow.deal.pipeline.command.DefinePipelineCommand;
import io.dealflow.deal.pipeline.command.PipelineDefinition;
import io.dealflow.deal.pipeline.command.PipelineDefinitionResult;
import io.dealflow.deal.pipeline.command.PipelineVersion;
import io.dealflow.deal.pipeline.query.PipelineCatalogProjection;
import io.dealflow.platform.problem.NotFoundException;
import io.dealflow.platform.security.AccessPolicy;
import io.dealflow.platform.security.Actor;
import io.dealflow.platform.security.Caller;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
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

    /** The latest version of every pipeline of the caller's departments. */
    @GetMapping
    List<PipelineView> all(Caller caller) {
        return catalog.allLatest().stream().map(PipelineVersion::definition)
                .filter(definition -> caller.departments().includes(definition.department()))
                .map(PipelineView::of).toList();
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
                                        Caller caller, Actor actor) {
        AccessPolicy.requireDepartment(caller, definition.department(), "The new definition of '" + pipelineId + "'");
        PipelineDefinitionResult result = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new DefinePipelineCommand(pipelineId, definition, actor.person())).andMetaData(ClientMetaData.of(actor)));
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
