package io.dealflow.deal.deal.command;

import io.dealflow.api.deal.DealDocumentAttached;
import io.dealflow.api.deal.DealFieldsUpdated;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStamp;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealTagged;
import io.dealflow.api.deal.DealUntagged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.deal.Direction;
import io.dealflow.api.id.DealId;
import io.dealflow.api.id.PersonId;
import io.dealflow.api.id.PipelineId;
import io.dealflow.api.id.StageId;
import io.dealflow.api.pipeline.BackwardMode;
import io.dealflow.api.pipeline.SkipMode;
import io.dealflow.deal.pipeline.command.PipelineCatalog;
import io.dealflow.deal.pipeline.command.PipelineVersion;
import io.dealflow.deal.deal.command.DealRefusal.AlreadyInStage;
import io.dealflow.deal.deal.command.DealRefusal.BackwardMoveNotAllowed;
import io.dealflow.deal.deal.command.DealRefusal.BackwardReasonRequired;
import io.dealflow.deal.deal.command.DealRefusal.DealClosed;
import io.dealflow.deal.deal.command.DealRefusal.DealIdTaken;
import io.dealflow.deal.deal.command.DealRefusal.FirstRowNotOpened;
import io.dealflow.deal.deal.command.DealRefusal.LossCommentRequired;
import io.dealflow.deal.deal.command.DealRefusal.LossReasonRequired;
import io.dealflow.deal.deal.command.DealRefusal.OpenedTwice;
import io.dealflow.deal.deal.command.DealRefusal.PipelineNotFound;
import io.dealflow.deal.deal.command.DealRefusal.RequiredFieldsCleared;
import io.dealflow.deal.deal.command.DealRefusal.RequiredFieldsMissing;
import io.dealflow.deal.deal.command.DealRefusal.SkipNotAllowed;
import io.dealflow.deal.deal.command.DealRefusal.SkipReasonRequired;
import io.dealflow.deal.deal.command.DealRefusal.UnknownLossReason;
import io.dealflow.deal.deal.command.DealRefusal.UnknownStage;
import io.dealflow.deal.deal.command.DealRefusal.WonOnlyFromLastStage;
import io.dealflow.platform.refusal.RefusedException;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A deal in a pipeline: every funnel rule deal-service enforces is decided here (R1 stage order and skips, R2
 * required fields, R3 exit only as WON or LOST with a reason, R10 version stamping, R11 tags and attachments).
 *
 * <p>A deal is judged under its pipeline's latest version whenever its current stage still exists there, and under
 * the version it is on otherwise (a stage removed from the pipeline does not strand its deals). Every event names the
 * version it was judged under. Command handlers answer the deal's new version, which the REST layer returns as ETag.
 */
@Aggregate(cache = Deal.CACHE)
public class Deal {

    /** The bean name of the cache that keeps deals in memory between commands (see DealRepositoryConfiguration). */
    public static final String CACHE = "dealCache";

    /** Axon names the aggregate by the identifier's {@code toString()}, which is the plain id. */
    @AggregateIdentifier
    private DealId dealId;
    private PipelineId pipelineId;
    private int pipelineVersion;
    private StageId stageId;
    private PersonId managerId;
    private DealStatus status;
    private final Map<String, String> fields = new HashMap<>();
    private final Set<String> tags = new HashSet<>();
    private Opening opening;
    /** Set only while an imported history's row is being decided: the metadata its events carry. */
    private transient MetaData importing;

    protected Deal() {
        // for Axon
    }

    @CommandHandler
    public Deal(OpenDealCommand command, PipelineCatalog pipelines) {
        open(command, pipelines);
    }

    /**
     * An id chosen by the caller opens at most one deal: the event store's unique (aggregate, sequence) refuses a
     * second opening, so a repeat finds the deal here and is answered by it when it asks for the same opening.
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public DealOpening handle(OpenDealIfAbsentCommand command, PipelineCatalog pipelines) {
        if (dealId == null) {
            open(command.opening(), pipelines);
            return new DealOpening(true, 0); // the opening is the deal's first event
        }
        if (!opening.equals(Opening.requested(command.opening()))) {
            throw new RefusedException(new DealIdTaken(dealId));
        }
        return new DealOpening(false, currentVersion());
    }

    /**
     * A deal's history from another CRM (DESIGN §7), decided row by row by the very handlers live commands reach,
     * with each row's time as its events' time. One command, one unit of work: a refused row refuses the deal whole
     * and nothing of it is written; a deal imported before exists in the store, whose unique (aggregate, sequence)
     * key refuses the second one at commit.
     *
     * @return the number of events the history became
     */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.ALWAYS)
    public int handle(ImportDealHistoryCommand command, PipelineCatalog pipelines) {
        for (HistoryRow row : command.rows()) {
            importing = ImportedEvents.metaData(row.occurredAt());
            try {
                decide(command, row, pipelines);
            } catch (RefusedException refused) {
                throw new HistoryRowRefusedException(row.line(), refused.refusal());
            } finally {
                importing = null;
            }
        }
        return (int) (currentVersion() + 1);
    }

    /** One row as the live command it stands for; its field values are set first, as a client would set them. */
    private void decide(ImportDealHistoryCommand command, HistoryRow row, PipelineCatalog pipelines) {
        String actor = command.actor();
        if (row.action() == HistoryAction.OPENED) {
            if (dealId != null) {
                throw new RefusedException(new OpenedTwice(command.externalRef(), row.action()));
            }
            open(new OpenDealCommand(command.dealId(), command.pipelineId(), row.title(), row.managerId(),
                    row.fields(), List.of(), command.externalRef(), null, null, actor), pipelines);
            if (row.stageId() != null && !row.stageId().equals(stageId.value())) {
                handle(new MoveDealToStageCommand(dealId.value(), null, row.stageId(), row.comment(), actor),
                        pipelines);
            }
            return;
        }
        if (dealId == null) {
            throw new RefusedException(new FirstRowNotOpened(command.externalRef(), row.action()));
        }
        String id = dealId.value();
        if (!row.fields().isEmpty()) {
            handle(new UpdateDealFieldsCommand(id, null, row.fields(), actor), pipelines);
        }
        switch (row.action()) {
            case MOVED -> handle(new MoveDealToStageCommand(id, null, row.stageId(), row.comment(), actor), pipelines);
            case WON -> handle(new MarkDealWonCommand(id, null, actor), pipelines);
            case LOST -> handle(new MarkDealLostCommand(id, null, row.reasonCode(), row.comment(), actor), pipelines);
            case REASSIGNED -> handle(new ReassignDealManagerCommand(id, null, row.managerId(), actor), pipelines);
            case FIELDS, OPENED -> requireOpen();
        }
    }

    private void open(OpenDealCommand command, PipelineCatalog pipelines) {
        PipelineVersion pipeline = pipelines.latest(command.pipelineId())
                .orElseThrow(() -> new RefusedException(new PipelineNotFound(command.pipelineId())));
        StageId firstStage = StageId.of(pipeline.firstStage().id());
        Map<String, String> filled = Opening.filled(command.fields());
        requireFieldsFor(pipeline, firstStage, filled);
        DealStamp stamp = new DealStamp(DealId.of(command.dealId()), PipelineId.of(pipeline.id()),
                pipeline.version(), command.actor());
        emit(DealOpened.of(stamp, command.title(), PersonId.of(command.managerId()), firstStage, filled,
                List.copyOf(new LinkedHashSet<>(command.tags())), command.externalRef(), command.originDealId(),
                command.originManagerId()));
    }

    @CommandHandler
    public long handle(UpdateDealFieldsCommand command, PipelineCatalog pipelines) {
        requireOpen();
        PipelineVersion pipeline = judgingPipeline(pipelines);
        Map<String, String> changes = new LinkedHashMap<>();
        command.fields().forEach((name, value) -> {
            String normalized = value == null || value.isBlank() ? null : value;
            if (!Objects.equals(fields.get(name), normalized)) {
                changes.put(name, normalized);
            }
        });
        if (changes.isEmpty()) {
            return currentVersion();
        }
        Map<String, String> after = new HashMap<>(fields);
        changes.forEach((name, value) -> {
            if (value == null) {
                after.remove(name);
            } else {
                after.put(name, value);
            }
        });
        // R2 holds for the stage the deal is in: an update may not clear what the stage requires. Requirements
        // already unmet (a pipeline version that added a field) are not this update's fault and do not block it.
        List<String> newlyMissing = pipeline.missingFields(stageId.value(), after);
        newlyMissing.removeAll(pipeline.missingFields(stageId.value(), fields));
        if (!newlyMissing.isEmpty()) {
            throw new RefusedException(new RequiredFieldsCleared(stageId, newlyMissing));
        }
        emit(DealFieldsUpdated.of(stamp(pipeline, command.actor()), changes));
        return currentVersion();
    }

    @CommandHandler
    public long handle(MoveDealToStageCommand command, PipelineCatalog pipelines) {
        requireOpen();
        PipelineVersion pipeline = judgingPipeline(pipelines);
        if (!pipeline.hasStage(command.stageId())) {
            throw new RefusedException(new UnknownStage(pipelineId, pipeline.version(), command.stageId(),
                    pipeline.stageIds()));
        }
        StageId target = StageId.of(command.stageId());
        int from = pipeline.indexOf(stageId.value());
        int to = pipeline.indexOf(target.value());
        if (from == to) {
            throw new RefusedException(new AlreadyInStage(target));
        }
        String reason = blankToNull(command.reason());
        List<StageId> skipped = List.of();
        Direction direction;
        if (to > from) {
            direction = Direction.FORWARD;
            skipped = pipeline.stagesBetween(stageId.value(), target.value()).stream().map(StageId::of).toList();
            if (!skipped.isEmpty()) {
                requireSkipAllowed(pipeline, target, skipped, reason);
            }
        } else {
            direction = Direction.BACKWARD;
            requireBackwardAllowed(pipeline, target, reason);
        }
        requireFieldsFor(pipeline, target, fields);
        emit(DealStageChanged.of(stamp(pipeline, command.actor()), stageId, target, direction, skipped, reason,
                managerId));
        return currentVersion();
    }

    @CommandHandler
    public long handle(ReassignDealManagerCommand command, PipelineCatalog pipelines) {
        requireOpen();
        PersonId next = PersonId.of(command.managerId());
        if (next.equals(managerId)) {
            return currentVersion();
        }
        emit(DealManagerReassigned.of(stamp(judgingPipeline(pipelines), command.actor()), managerId, next));
        return currentVersion();
    }

    @CommandHandler
    public long handle(ChangeDealTagsCommand command, PipelineCatalog pipelines) {
        requireOpen();
        DealStamp stamp = stamp(judgingPipeline(pipelines), command.actor());
        Set<String> present = new HashSet<>(tags);
        for (String tag : new LinkedHashSet<>(command.add())) {
            if (present.add(tag)) {
                emit(DealTagged.of(stamp, tag));
            }
        }
        for (String tag : new LinkedHashSet<>(command.remove())) {
            if (present.remove(tag)) {
                emit(DealUntagged.of(stamp, tag));
            }
        }
        return currentVersion();
    }

    @CommandHandler
    public long handle(AttachDocumentCommand command, PipelineCatalog pipelines) {
        requireOpen();
        emit(DealDocumentAttached.of(stamp(judgingPipeline(pipelines), command.actor()), command.name(), command.uri(),
                command.contentType()));
        return currentVersion();
    }

    @CommandHandler
    public long handle(MarkDealWonCommand command, PipelineCatalog pipelines) {
        requireOpen();
        PipelineVersion pipeline = judgingPipeline(pipelines);
        StageId lastStage = StageId.of(pipeline.lastStage().id());
        if (!lastStage.equals(stageId)) {
            throw new RefusedException(new WonOnlyFromLastStage(stageId, lastStage));
        }
        emit(DealWon.of(stamp(pipeline, command.actor()), stageId, managerId));
        return currentVersion();
    }

    @CommandHandler
    public long handle(MarkDealLostCommand command, PipelineCatalog pipelines) {
        requireOpen();
        PipelineVersion pipeline = judgingPipeline(pipelines);
        String reasonCode = blankToNull(command.reasonCode());
        if (reasonCode == null) {
            throw new RefusedException(new LossReasonRequired(pipeline.lossReasonCodes()));
        }
        if (!pipeline.hasLossReason(reasonCode)) {
            throw new RefusedException(new UnknownLossReason(pipelineId, reasonCode, pipeline.lossReasonCodes()));
        }
        if (blankToNull(command.comment()) == null) {
            throw new RefusedException(new LossCommentRequired());
        }
        emit(DealLost.of(stamp(pipeline, command.actor()), stageId, managerId, reasonCode, command.comment()));
        return currentVersion();
    }

    /**
     * Every event goes out through here: live, as it is; from an imported history, with the row's time and the
     * imported mark (see {@link ImportedEvents}).
     */
    private void emit(Object event) {
        if (importing == null) {
            apply(event);
        } else {
            apply(event, importing);
        }
    }

    private void requireOpen() {
        if (status != DealStatus.OPEN) {
            throw new RefusedException(new DealClosed(dealId, status));
        }
    }

    private void requireSkipAllowed(PipelineVersion pipeline, StageId target, List<StageId> skipped, String reason) {
        if (pipeline.definition().skipMode() == SkipMode.STRICT) {
            throw new RefusedException(new SkipNotAllowed(pipelineId, target, skipped));
        }
        if (reason == null) {
            throw new RefusedException(new SkipReasonRequired(pipelineId, target, skipped));
        }
    }

    private void requireBackwardAllowed(PipelineVersion pipeline, StageId target, String reason) {
        if (pipeline.definition().backwardMode() == BackwardMode.FORBIDDEN) {
            throw new RefusedException(new BackwardMoveNotAllowed(pipelineId, target));
        }
        if (reason == null) {
            throw new RefusedException(new BackwardReasonRequired(target));
        }
    }

    private static void requireFieldsFor(PipelineVersion pipeline, StageId stage, Map<String, String> values) {
        List<String> missing = pipeline.missingFields(stage.value(), values);
        if (!missing.isEmpty()) {
            throw new RefusedException(new RequiredFieldsMissing(stage, missing));
        }
    }

    /** What every event of this deal begins with: the deal, the version it was judged under, and who caused it. */
    private DealStamp stamp(PipelineVersion judgedUnder, String actor) {
        return new DealStamp(dealId, pipelineId, judgedUnder.version(), actor);
    }

    private PipelineVersion judgingPipeline(PipelineCatalog pipelines) {
        PipelineVersion latest = pipelines.latest(pipelineId.value()).orElseThrow(() -> new IllegalStateException(
                "Pipeline " + pipelineId + " of deal " + dealId + " is missing from the catalogue"));
        if (latest.version() == pipelineVersion || latest.hasStage(stageId.value())) {
            return latest;
        }
        return pipelines.find(pipelineId.value(), pipelineVersion).orElseThrow(() -> new IllegalStateException(
                "Pipeline " + pipelineId + " version " + pipelineVersion + " is missing from the catalogue"));
    }

    private static long currentVersion() {
        return AggregateLifecycle.getVersion();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    @EventSourcingHandler
    void on(DealOpened event) {
        dealId = DealId.of(event.dealId());
        opening = Opening.of(event);
        pipelineId = PipelineId.of(event.pipelineId());
        pipelineVersion = event.pipelineVersion();
        stageId = StageId.of(event.stageId());
        managerId = PersonId.of(event.managerId());
        status = DealStatus.OPEN;
        fields.putAll(event.fields());
        tags.addAll(event.tags());
    }

    @EventSourcingHandler
    void on(DealFieldsUpdated event) {
        pipelineVersion = event.pipelineVersion();
        event.fields().forEach((name, value) -> {
            if (value == null) {
                fields.remove(name);
            } else {
                fields.put(name, value);
            }
        });
    }

    @EventSourcingHandler
    void on(DealStageChanged event) {
        pipelineVersion = event.pipelineVersion();
        stageId = StageId.of(event.toStageId());
    }

    @EventSourcingHandler
    void on(DealManagerReassigned event) {
        pipelineVersion = event.pipelineVersion();
        managerId = PersonId.of(event.toManagerId());
    }

    @EventSourcingHandler
    void on(DealTagged event) {
        pipelineVersion = event.pipelineVersion();
        tags.add(event.tag());
    }

    @EventSourcingHandler
    void on(DealUntagged event) {
        pipelineVersion = event.pipelineVersion();
        tags.remove(event.tag());
    }

    @EventSourcingHandler
    void on(DealDocumentAttached event) {
        pipelineVersion = event.pipelineVersion();
    }

    @EventSourcingHandler
    void on(DealWon event) {
        pipelineVersion = event.pipelineVersion();
        status = DealStatus.WON;
    }

    @EventSourcingHandler
    void on(DealLost event) {
        pipelineVersion = event.pipelineVersion();
        status = DealStatus.LOST;
    }
}
