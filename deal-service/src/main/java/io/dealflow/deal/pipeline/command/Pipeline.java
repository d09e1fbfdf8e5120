package io.dealflow.deal.pipeline.command;

import io.dealflow.api.pipeline.PipelineDefined;
import io.dealflow.deal.pipeline.command.PipelineRefusal.DefinitionInvalid;
import io.dealflow.platform.refusal.RefusedException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A pipeline and its history of versions (R10). Each accepted definition is a new version; an unchanged definition
 * defines nothing, so re-applying the same seed files on every start is harmless.
 */
@Aggregate
public class Pipeline {

    @AggregateIdentifier
    private String pipelineId;
    private PipelineDefined current;

    protected Pipeline() {
        // for Axon
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public PipelineDefinitionResult handle(DefinePipelineCommand command) {
        List<DefinitionViolation> violations =
                PipelineDefinitionRules.check(command.pipelineId(), command.definition());
        if (!violations.isEmpty()) {
            throw new RefusedException(new DefinitionInvalid(violations));
        }
        if (current != null && PipelineDefinition.of(current).equals(command.definition())) {
            return new PipelineDefinitionResult(pipelineId, current.version(), false);
        }
        int version = current == null ? 1 : current.version() + 1;
        apply(command.definition().asVersion(command.pipelineId(), version, command.actor()));
        return new PipelineDefinitionResult(command.pipelineId(), version, true);
    }

    @EventSourcingHandler
    void on(PipelineDefined event) {
        pipelineId = event.pipelineId();
        current = event;
    }
}
