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
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Sends deal histories to the {@code Deal} aggregate, one command per deal, and says what became of each.
 *
 * <p>A batch of deals shares one unit of work and one transaction: each deal's command runs in a unit of work nested
 * in the batch's, so a refused deal rolls back alone (its events never reach the batch) while the accepted deals'
 * events are appended, written to the board and committed together, in one flush instead of one per deal. If the
 * batch cannot commit (a deal imported meanwhile by a concurrent import of the same file, the database gone), nothing
 * of it was written and its deals are decided again one by one, each in a transaction of its own, so that every deal
 * still gets its own answer. A dry run is the same batch rolled back: nothing is appended or written.
 *
 * <p>Its own gateway, without the live gateway's retries: those decide a command again in case a stale cached deal
 * refused it, and an imported deal is always new, so a refusal or a conflict stands at once.
 */
@Component
public class DealImporter {

    private static final Logger log = LoggerFactory.getLogger(DealImporter.class);

    private final CommandGateway commands;
    private final TransactionManager transactions;
    private final StoredDeals storedDeals;

    DealImporter(CommandBus commandBus, TransactionManager transactions, StoredDeals storedDeals) {
        this.commands = DefaultCommandGateway.builder().commandBus(commandBus).build();
        this.transactions = transactions;
        this.storedDeals = storedDeals;
    }

    /** @return one outcome per draft, in the drafts' order */
    public List<DealImportOutcome> importDeals(String pipelineId, List<DealHistoryDraft> drafts, Actor actor,
                                               boolean dryRun) {
        Set<String> stored = storedDeals.among(drafts.stream().filter(draft -> !draft.isRefused())
                .map(draft -> dealId(pipelineId, draft)).toList());
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        if (!dryRun) {
            batch.attachTransaction(transactions);
        }
        try {
            List<DealImportOutcome> outcomes = new ArrayList<>(drafts.size());
            for (DealHistoryDraft draft : drafts) {
                outcomes.add(stored.contains(dealId(pipelineId, draft)) ? alreadyImported(draft)
                        : decide(pipelineId, draft, actor));
            }
            if (dryRun) {
                batch.rollback();
            } else {
                batch.commit();
            }
            return outcomes;
        } catch (RuntimeException batchFailed) {
            if (batch.isActive()) {
                batch.rollback(batchFailed);
            }
            log.info("A batch of {} imported deals could not be committed together ({}); deciding them one by one",
                    drafts.size(), batchFailed.toString());
            return drafts.stream().map(draft -> importAlone(pipelineId, draft, actor, dryRun)).toList();
        }
    }

    private DealImportOutcome importAlone(String pipelineId, DealHistoryDraft draft, Actor actor, boolean dryRun) {
        try {
            return importDeal(pipelineId, draft, actor, dryRun);
        } catch (RuntimeException failure) {
            log.warn("Imported deal {} at line {} could not be decided", draft.externalRef(), draft.firstLine(),
                    failure);
            return DealImportOutcome.failed(draft, failure);
        }
    }

    /** One deal in a transaction of its own. */
    private DealImportOutcome importDeal(String pipelineId, DealHistoryDraft draft, Actor actor, boolean dryRun) {
        if (!draft.isRefused() && !storedDeals.among(List.of(dealId(pipelineId, draft))).isEmpty()) {
            return alreadyImported(draft);
        }
        UnitOfWork<?> alone = DefaultUnitOfWork.startAndGet(null);
        if (!dryRun) {
            alone.attachTransaction(transactions);
        }
        try {
            DealImportOutcome outcome = decide(pipelineId, draft, actor);
            if (dryRun) {
                alone.rollback();
            } else {
                alone.commit();
            }
            return outcome;
        } catch (AggregateStreamCreationException | ConcurrencyException alreadyStored) {
            // the store's unique (aggregate, sequence) key: a concurrent import stored sequence 0 of this deal first
            return alreadyImported(draft);
        } finally {
            if (alone.isActive()) {
                alone.rollback();
            }
        }
    }

    /** The deal's command in a unit of work nested in the current one; a refusal rolls back that nested one only. */
    private DealImportOutcome decide(String pipelineId, DealHistoryDraft draft, Actor actor) {
        if (draft.isRefused()) {
            return DealImportOutcome.refused(draft.refusal());
        }
        ImportDealHistoryCommand command = new ImportDealHistoryCommand(dealId(pipelineId, draft), pipelineId,
                draft.externalRef(), draft.rows(), actor.person());
        try {
            Integer events = commands.sendAndWait(GenericCommandMessage.asCommandMessage(command)
                    .andMetaData(ClientMetaData.of(actor)));
            return DealImportOutcome.imported(events);
        } catch (HistoryRowRefusedException refused) {
            Refusal refusal = refused.refusal();
            return DealImportOutcome.refused(new RefusedDeal(refused.line(), draft.externalRef(), refusal.type(),
                    refusal.detail()));
        }
    }

    private static String dealId(String pipelineId, DealHistoryDraft draft) {
        return ImportedDealIds.of(pipelineId, draft.externalRef());
    }

    private static DealImportOutcome alreadyImported(DealHistoryDraft draft) {
        return DealImportOutcome.refused(new RefusedDeal(draft.firstLine(), draft.externalRef(),
                ProblemTypes.DEAL_ALREADY_IMPORTED, "Deal '" + draft.externalRef()
                + "' was imported into this pipeline before; an import is idempotent by externalRef, so this one"
                + " changes nothing."));
    }
}
