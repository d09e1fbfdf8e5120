package io.dealflow.deal.deal.query;

import io.dealflow.api.deal.DealDocumentAttached;
import io.dealflow.api.deal.DealFieldsUpdated;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealTagged;
import io.dealflow.api.deal.DealUntagged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.json.DealflowJson;
import io.dealflow.deal.ProcessingGroups;
import io.dealflow.deal.deal.command.DealStatus;
import io.dealflow.deal.deal.command.ImportedEvents;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes the board read model from the event store. Every statement is guarded by the deal's last applied sequence,
 * so events the processor sees twice (after a restart or a segment hand-over) change nothing. The statements of one
 * batch of events are sent together (see {@link BoardWrites}).
 */
@Component
@ProcessingGroup(ProcessingGroups.DEAL_BOARD)
class DealBoardProjection {

    private static final String WRITES = DealBoardProjection.class.getName() + ".writes";

    private final NamedParameterJdbcTemplate jdbc;

    DealBoardProjection(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(DealOpened event, @SequenceNumber long sequence, EventMessage<?> message) {
        Instant at = ImportedEvents.occurredAt(message);
        Map<String, Object> params = new HashMap<>();
        params.put("id", event.dealId());
        params.put("pipelineId", event.pipelineId());
        params.put("pipelineVersion", event.pipelineVersion());
        params.put("title", event.title());
        params.put("managerId", event.managerId());
        params.put("stageId", event.stageId());
        params.put("fields", json(event.fields()));
        params.put("tags", json(event.tags()));
        params.put("sequence", sequence);
        params.put("at", asStored(at));
        params.put("originDealId", event.originDealId());
        params.put("externalRef", event.externalRef());
        write(event.dealId(), """
                INSERT INTO deals (deal_id, pipeline_id, pipeline_version, title, manager_id, stage_id, status,
                                   fields, tags, attachments, version, opened_at, stage_entered_at,
                                   origin_deal_id, external_ref)
                VALUES (:id, :pipelineId, :pipelineVersion, :title, :managerId, :stageId, 'OPEN',
                        CAST(:fields AS jsonb), CAST(:tags AS jsonb), '[]'::jsonb, :sequence, :at, :at,
                        :originDealId, :externalRef)
                ON CONFLICT (deal_id) DO NOTHING""", params);
    }

    @EventHandler
    void on(DealFieldsUpdated event, @SequenceNumber long sequence) {
        // jsonb_strip_nulls drops the keys whose new value is null: that is how a cleared field disappears
        update(event.dealId(), sequence, event.pipelineVersion(),
                "fields = jsonb_strip_nulls(fields || CAST(:changes AS jsonb))",
                Map.of("changes", json(event.fields())));
    }

    @EventHandler
    void on(DealStageChanged event, @SequenceNumber long sequence, EventMessage<?> message) {
        Instant at = ImportedEvents.occurredAt(message);
        update(event.dealId(), sequence, event.pipelineVersion(), "stage_id = :stageId, stage_entered_at = :at",
                Map.of("stageId", event.toStageId(), "at", asStored(at)));
    }

    @EventHandler
    void on(DealManagerReassigned event, @SequenceNumber long sequence) {
        update(event.dealId(), sequence, event.pipelineVersion(), "manager_id = :managerId",
                Map.of("managerId", event.toManagerId()));
    }

    @EventHandler
    void on(DealTagged event, @SequenceNumber long sequence) {
        update(event.dealId(), sequence, event.pipelineVersion(),
                "tags = CASE WHEN tags @> jsonb_build_array(CAST(:tag AS text)) THEN tags"
                        + " ELSE tags || jsonb_build_array(CAST(:tag AS text)) END",
                Map.of("tag", event.tag()));
    }

    @EventHandler
    void on(DealUntagged event, @SequenceNumber long sequence) {
        update(event.dealId(), sequence, event.pipelineVersion(), "tags = tags - CAST(:tag AS text)",
                Map.of("tag", event.tag()));
    }

    @EventHandler
    void on(DealDocumentAttached event, @SequenceNumber long sequence) {
        update(event.dealId(), sequence, event.pipelineVersion(),
                "attachments = attachments || jsonb_build_array(CAST(:attachment AS jsonb))",
                Map.of("attachment", json(new DealView.Attachment(event.name(), event.uri(), event.contentType()))));
    }

    @EventHandler
    void on(DealWon event, @SequenceNumber long sequence, EventMessage<?> message) {
        Instant at = ImportedEvents.occurredAt(message);
        update(event.dealId(), sequence, event.pipelineVersion(), "status = :status, closed_at = :at",
                Map.of("status", DealStatus.WON.name(), "at", asStored(at)));
    }

    @EventHandler
    void on(DealLost event, @SequenceNumber long sequence, EventMessage<?> message) {
        Instant at = ImportedEvents.occurredAt(message);
        update(event.dealId(), sequence, event.pipelineVersion(),
                "status = :status, closed_at = :at, loss_reason = CAST(:lossReason AS jsonb)",
                Map.of("status", DealStatus.LOST.name(), "at", asStored(at), "lossReason",
                        json(new DealView.LossReasonView(event.reasonCode(), event.comment(), event.stageId()))));
    }

    @ResetHandler
    void reset() {
        jdbc.getJdbcOperations().update("TRUNCATE deals");
    }

    private void update(String dealId, long sequence, int pipelineVersion, String assignments,
                        Map<String, Object> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("dealId", dealId);
        all.put("sequence", sequence);
        all.put("pipelineVersion", pipelineVersion);
        write(dealId, "UPDATE deals SET " + assignments + ", version = :sequence, pipeline_version = :pipelineVersion"
                + " WHERE deal_id = :dealId AND version < :sequence", all);
    }

    /**
     * Queues the statement in the unit of work that handles this batch of events; they are sent together, in
     * {@link BoardWrites} rounds, as it prepares to commit (still in the command's transaction, so a read after the
     * command's answer sees them).
     */
    private void write(String dealId, String sql, Map<String, Object> params) {
        if (!CurrentUnitOfWork.isStarted()) {
            jdbc.update(sql, params);
            return;
        }
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get();
        unitOfWork.getOrComputeResource(WRITES, key -> {
            BoardWrites writes = new BoardWrites();
            unitOfWork.onPrepareCommit(done -> send(writes));
            return writes;
        }).add(new BoardWrites.Write(dealId, sql, params));
    }

    private void send(BoardWrites writes) {
        for (BoardWrites.Round round : writes.rounds()) {
            if (round.params().size() == 1) {
                jdbc.update(round.sql(), round.params().get(0));
            } else {
                jdbc.batchUpdate(round.sql(), round.params().stream().map(MapSqlParameterSource::new)
                        .toArray(SqlParameterSource[]::new));
            }
        }
    }

    /**
     * The event store keeps an event's time to the millisecond, and every reader of the event (history, Kafka, the
     * other services) sees that; the board is written before the event is read back, so it rounds the same way.
     */
    private static java.sql.Timestamp asStored(Instant at) {
        return java.sql.Timestamp.from(at.truncatedTo(ChronoUnit.MILLIS));
    }

    private static String json(Object value) {
        return DealflowJson.mapper().writeValueAsString(value);
    }
}
