package io.dealflow.deal.imports;

import io.dealflow.api.ProblemTypes;
import io.dealflow.deal.access.ClientMetaData;
import io.dealflow.deal.deal.command.HistoryRowRefusedException;
import io.dealflow.deal.deal.command.ImportDealHistoryCommand;
import io.dealflow.api.deal.ImportedDealIds;
import io.dealflow.deal.imports.csv.DealHistoryDraft;
import io.dealflow.platform.refusal.Refusal;
import io.dealflow.platform.security.Actor;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.springframework.stereotype.Component;

/**
 * Sends one deal's history to the {@code Deal} aggregate as one command and says what became of it.
 *
 * <p>Its own gateway, without the live gateway's retries: those decide a command again in case a stale cached deal
 * refused it, and an imported deal is always new, so a refusal or a conflict stands at once. A dry run sends the
 * very same command inside a unit of work of its own that it then rolls back: the command's unit of work is nested
 * in it, so its events are never appended, the board never written and its transaction rolled back.
 */
@Component
public class DealImporter {

    private final CommandGateway commands;
    private final EventStore eventStore;

    DealImporter(CommandBus commandBus, EventStore eventStore) {
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.eventStore = eventStore;
    }

    public DealImportOutcome importDeal(String pipelineId, DealHistoryDraft draft, Actor actor, boolean dryRun) {
        if (draft.isRefused()) {
            return DealImportOutcome.refused(draft.refusal());
        }
        String dealId = ImportedDealIds.of(pipelineId, draft.externalRef());
        ImportDealHistoryCommand command = new ImportDealHistoryCommand(dealId, pipelineId, draft.externalRef(),
                draft.rows(), actor.person());
        try {
            int events = dryRun ? rolledBack(dealId, command, actor) : send(command, actor);
            return DealImportOutcome.imported(events);
        } catch (HistoryRowRefusedException refused) {
            Refusal refusal = refused.refusal();
            return DealImportOutcome.refused(new RefusedDeal(refused.line(), draft.externalRef(), refusal.type(),
                    refusal.detail()));
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyStored) {
            // the store's unique (aggregate, sequence) key: sequence 0 of this deal is there already
            return alreadyImported(draft);
        }
    }

    private int send(ImportDealHistoryCommand command, Actor actor) {
        Integer events = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                .andMetaData(ClientMetaData.of(actor)));
        return events;
    }

    /**
     * A dry run writes nothing, so the store's key cannot refuse a deal imported before: the store is asked instead,
     * the one read a dry run makes that a real import leaves to the key.
     */
    private int rolledBack(String dealId, ImportDealHistoryCommand command, Actor actor) {
        if (eventStore.lastSequenceNumberFor(dealId).isPresent()) {
            throw new AggregateStreamCreationException("Deal " + dealId + " exists");
        }
        UnitOfWork<?> dryRun = DefaultUnitOfWork.startAndGet(null);
        try {
            return send(command, actor);
        } finally {
            dryRun.rollback();
        }
    }

    private static DealImportOutcome alreadyImported(DealHistoryDraft draft) {
        return DealImportOutcome.refused(new RefusedDeal(draft.firstLine(), draft.externalRef(),
                ProblemTypes.DEAL_ALREADY_IMPORTED, "Deal '" + draft.externalRef()
                + "' was imported into this pipeline before; an import is idempotent by externalRef, so this one"
                + " changes nothing."));
    }
}
