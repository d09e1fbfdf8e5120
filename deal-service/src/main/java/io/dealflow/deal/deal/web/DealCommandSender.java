package io.dealflow.deal.deal.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.deal.access.ClientMetaData;
import io.dealflow.deal.access.RequestMetaData;
import io.dealflow.deal.deal.command.DealOpening;
import io.dealflow.deal.deal.command.OpenDealIfAbsentCommand;
import io.dealflow.deal.deal.query.AppliedRequests;
import io.dealflow.platform.problem.ConflictException;
import io.dealflow.platform.problem.NotFoundException;
import io.dealflow.platform.problem.PreconditionFailedException;
import io.dealflow.platform.security.Actor;
import io.dealflow.platform.web.idempotency.IdempotentRequest;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Sends deal commands, with the client that sent the request and its idempotency mark as metadata for the events,
 * and turns Axon's concurrency and lookup failures into the REST contract's problems.
 */
@Component
class DealCommandSender {

    private final CommandGateway commands;
    private final AppliedRequests appliedRequests;

    DealCommandSender(CommandGateway commands, AppliedRequests appliedRequests) {
        this.commands = commands;
        this.appliedRequests = appliedRequests;
    }

    /**
     * A request whose earlier run was abandoned after its command was applied (the instance died before the
     * answer was stored) is answered by the deal as it is, not decided again: a repeated stage change or closing
     * would be refused, and the client would read a refusal of its own success.
     *
     * @return the deal's version after the command (its ETag)
     */
    long send(String dealId, Object command, Actor actor) {
        Optional<IdempotentRequest> request = IdempotentRequest.current();
        if (request.isPresent() && request.get().takenOver()) {
            OptionalLong applied = appliedRequests.versionIfApplied(dealId, request.get());
            if (applied.isPresent()) {
                return applied.getAsLong();
            }
        }
        try {
            Object version = commands.sendAndWait(withClient(command, actor));
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

    /**
     * A second opening of the id that loses the race to the first is decided again by the gateway's retry (the deal
     * then exists and answers it), so only a request that differs from the first is refused.
     */
    DealOpening openIfAbsent(OpenDealIfAbsentCommand command, Actor actor) {
        try {
            return commands.sendAndWait(withClient(command, actor));
        } catch (ConcurrencyException | AggregateStreamCreationException e) {
            throw new ConflictException(ProblemTypes.VERSION_CONFLICT,
                    "Deal " + command.dealId() + " was being opened by another request at the same moment; retry.");
        }
    }

    /** The caller chose the id; what Axon answers a creating command with (the aggregate's identifier) adds nothing. */
    void open(String dealId, Object command, Actor actor) {
        try {
            commands.sendAndWait(withClient(command, actor));
        } catch (AggregateStreamCreationException e) {
            throw new ConflictException(ProblemTypes.VERSION_CONFLICT, "Deal " + dealId + " already exists.");
        }
    }

    private static CommandMessage<Object> withClient(Object command, Actor actor) {
        return GenericCommandMessage.asCommandMessage(command).andMetaData(ClientMetaData.of(actor))
                .andMetaData(RequestMetaData.of(IdempotentRequest.current()));
    }
}
