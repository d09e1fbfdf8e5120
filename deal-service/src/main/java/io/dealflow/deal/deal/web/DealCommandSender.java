package io.dealflow.deal.deal.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.problem.ConflictException;
import io.dealflow.platform.problem.NotFoundException;
import io.dealflow.platform.problem.PreconditionFailedException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.Map;

/** Sends deal commands and turns Axon's concurrency and lookup failures into the REST contract's problems. */
@Component
class DealCommandSender {

    private final CommandGateway commands;

    DealCommandSender(CommandGateway commands) {
        this.commands = commands;
    }

    /** @return the deal's version after the command (its ETag) */
    long send(String dealId, Object command) {
        try {
            Object version = commands.sendAndWait(command);
            return ((Number) version).longValue();
        } catch (AggregateNotFoundException e) {
            throw new NotFoundException(ProblemTypes.DEAL_NOT_FOUND, "There is no deal " + dealId + ".");
        } catch (ConflictingAggregateVersionException e) {
            throw new PreconditionFailedException(ProblemTypes.PRECONDITION_FAILED,
                    "Deal " + dealId + " is at version " + e.getActualVersion() + ", not "
                            + e.getExpectedVersion() + " as If-Match says; GET it and decide again.",
                    Map.of("currentVersion", e.getActualVersion()));
        } catch (ConcurrencyException e) {
            throw new ConflictException(ProblemTypes.VERSION_CONFLICT,
                    "Deal " + dealId + " was changed by another request at the same moment; retry.");
        }
    }

    String open(String dealId, Object command) {
        try {
            return commands.sendAndWait(command);
        } catch (AggregateStreamCreationException e) {
            throw new ConflictException(ProblemTypes.VERSION_CONFLICT, "Deal " + dealId + " already exists.");
        }
    }
}
