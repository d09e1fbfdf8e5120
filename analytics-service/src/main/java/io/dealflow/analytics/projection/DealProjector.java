package io.dealflow.analytics.projection;

import io.dealflow.analytics.config.AnalyticsProperties;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.deal.Direction;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.platform.consumer.IdempotentConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Projects deal events into visits, stage changes and deal rows of one generation (DESIGN §4 definitions). Every
 * time is the event's {@code occurredAt}, never the processing time, so a replay gives identical answers. Each
 * event is applied once per generation (last applied sequence per deal, in the same transaction); Kafka keeps one
 * deal's events in order, which the catch-up marking relies on.
 */
@Component
public class DealProjector {

    private static final Logger log = LoggerFactory.getLogger(DealProjector.class);

    private final IdempotentConsumer consumer;
    private final JdbcClient jdbc;
    private final Duration catchUpWindow;

    public DealProjector(IdempotentConsumer consumer, JdbcClient jdbc, AnalyticsProperties properties) {
        this.consumer = consumer;
        this.jdbc = jdbc;
        this.catchUpWindow = properties.catchUpWindow();
    }

    public static String consumerName(int generation) {
        return "analytics-deals-g" + generation;
    }

    /** @return the visit the event ended, when the event was new and ended one */
    public Optional<FinishedVisit> apply(int generation, PublishedEvent<DealEvent> published) {
        AtomicReference<FinishedVisit> finished = new AtomicReference<>();
        consumer.applyIfNewer(consumerName(generation), published.event().dealId(), published.sequence(),
                () -> finished.set(project(generation, published)));
        return Optional.ofNullable(finished.get());
    }

    private FinishedVisit project(int generation, PublishedEvent<DealEvent> published) {
        DealEvent event = published.event();
        Instant at = published.occurredAt();
        if (event instanceof DealOpened opened) {
            open(generation, opened, at);
            return null;
        }
        DealState deal = lock(generation, event.dealId()).orElse(null);
        if (deal == null) {
            log.warn("{} for deal {} which analytics never saw opened; skipped", event.eventType(), event.dealId());
            return null;
        }
        if (event instanceof DealStageChanged changed) {
            return changeStage(generation, deal, changed, published.sequence(), at);
        }
        if (event instanceof DealManagerReassigned reassigned) {
            reassign(generation, deal, reassigned.toManagerId());
            return null;
        }
        if (event instanceof DealWon won) {
            return close(generation, deal, "WON", won.managerId(), null, at);
        }
        if (event instanceof DealLost lost) {
            return close(generation, deal, "LOST", lost.managerId(), lost.reasonCode(), at);
        }
        return null;
    }

    private void open(int generation, DealOpened opened, Instant at) {
        jdbc.sql("""
                        INSERT INTO deals (generation, deal_id, pipeline_id, manager_id, origin_deal_id, opened_at,
                                           status, visit_count)
                        VALUES (:generation, :dealId, :pipelineId, :managerId, :originDealId, :at, 'OPEN', 1)""")
                .param("generation", generation).param("dealId", opened.dealId())
                .param("pipelineId", opened.pipelineId()).param("managerId", opened.managerId())
                .param("originDealId", opened.originDealId()).param("at", Timestamp.from(at))
                .update();
        insertVisit(generation, opened.dealId(), 1, opened.pipelineId(), opened.pipelineVersion(), opened.stageId(),
                at, opened.managerId());
    }

    /**
     * Ends the current visit and starts one in the target stage; skipped stages get none. A forward change within
     * the window of a forward change just before it makes both changes a catch-up run: the visit the earlier one
     * ended is marked now, because only the second change reveals the run (R9).
     */
    private FinishedVisit changeStage(int generation, DealState deal, DealStageChanged changed, long sequence,
                                      Instant at) {
        String manager = changed.managerId() == null ? deal.managerId() : changed.managerId();
        FinishedVisit finished = endVisit(generation, deal, changed.direction().name(), manager, null, at);
        boolean catchUp = changed.direction() == Direction.FORWARD
                && Direction.FORWARD.name().equals(deal.lastChangeDirection())
                && Duration.between(deal.lastChangeAt(), at).compareTo(catchUpWindow) <= 0;
        if (catchUp) {
            jdbc.sql("""
                            UPDATE visits SET catch_up = true
                            WHERE generation = :generation AND deal_id = :dealId AND visit_no IN (:previous, :current)""")
                    .param("generation", generation).param("dealId", deal.dealId())
                    .param("previous", deal.visitCount() - 1).param("current", deal.visitCount()).update();
            jdbc.sql("""
                            UPDATE stage_changes SET catch_up = true
                            WHERE generation = :generation AND deal_id = :dealId AND sequence = :sequence""")
                    .param("generation", generation).param("dealId", deal.dealId())
                    .param("sequence", deal.lastChangeSequence()).update();
        }
        jdbc.sql("""
                        INSERT INTO stage_changes (generation, deal_id, sequence, pipeline_id, pipeline_version,
                                                   from_stage_id, to_stage_id, direction, skipped_count, manager_id,
                                                   occurred_at, catch_up)
                        VALUES (:generation, :dealId, :sequence, :pipelineId, :version, :from, :to, :direction,
                                :skipped, :managerId, :at, :catchUp)""")
                .param("generation", generation).param("dealId", deal.dealId()).param("sequence", sequence)
                .param("pipelineId", changed.pipelineId()).param("version", changed.pipelineVersion())
                .param("from", changed.fromStageId()).param("to", changed.toStageId())
                .param("direction", changed.direction().name()).param("skipped", changed.skippedStageIds().size())
                .param("managerId", manager).param("at", Timestamp.from(at)).param("catchUp", catchUp)
                .update();
        insertVisit(generation, deal.dealId(), deal.visitCount() + 1, changed.pipelineId(),
                changed.pipelineVersion(), changed.toStageId(), at, manager);
        jdbc.sql("""
                        UPDATE deals SET visit_count = visit_count + 1, manager_id = :managerId, last_change_at = :at,
                                         last_change_direction = :direction, last_change_sequence = :sequence
                        WHERE generation = :generation AND deal_id = :dealId""")
                .param("managerId", manager).param("at", Timestamp.from(at))
                .param("direction", changed.direction().name()).param("sequence", sequence)
                .param("generation", generation).param("dealId", deal.dealId()).update();
        return finished;
    }

    /** The open visit now belongs to the new manager: a visit's manager is the deal's when it ends. */
    private void reassign(int generation, DealState deal, String managerId) {
        jdbc.sql("UPDATE deals SET manager_id = :managerId WHERE generation = :generation AND deal_id = :dealId")
                .param("managerId", managerId).param("generation", generation).param("dealId", deal.dealId())
                .update();
        jdbc.sql("""
                        UPDATE visits SET manager_id = :managerId
                        WHERE generation = :generation AND deal_id = :dealId AND exited_at IS NULL""")
                .param("managerId", managerId).param("generation", generation).param("dealId", deal.dealId())
                .update();
    }

    private FinishedVisit close(int generation, DealState deal, String outcome, String managerId, String lossReason,
                                Instant at) {
        String manager = managerId == null ? deal.managerId() : managerId;
        FinishedVisit finished = endVisit(generation, deal, outcome, manager, lossReason, at);
        jdbc.sql("""
                        UPDATE deals SET status = :status, closed_at = :at, manager_id = :managerId
                        WHERE generation = :generation AND deal_id = :dealId""")
                .param("status", outcome).param("at", Timestamp.from(at)).param("managerId", manager)
                .param("generation", generation).param("dealId", deal.dealId()).update();
        return finished;
    }

    private FinishedVisit endVisit(int generation, DealState deal, String exitKind, String managerId,
                                   String lossReason, Instant at) {
        return jdbc.sql("""
                        UPDATE visits SET exited_at = :at, exit_kind = :exitKind, manager_id = :managerId,
                                          loss_reason = :lossReason
                        WHERE generation = :generation AND deal_id = :dealId AND visit_no = :visitNo
                          AND exited_at IS NULL
                        RETURNING pipeline_id, pipeline_version, stage_id, entered_at""")
                .param("at", Timestamp.from(at)).param("exitKind", exitKind).param("managerId", managerId)
                .param("lossReason", lossReason).param("generation", generation).param("dealId", deal.dealId())
                .param("visitNo", deal.visitCount())
                .query((row, n) -> new FinishedVisit(row.getString("pipeline_id"), row.getInt("pipeline_version"),
                        row.getString("stage_id"), exitKind,
                        Duration.between(row.getTimestamp("entered_at").toInstant(), at)))
                .optional().orElse(null);
    }

    private void insertVisit(int generation, String dealId, int visitNo, String pipelineId, int version,
                             String stageId, Instant at, String managerId) {
        jdbc.sql("""
                        INSERT INTO visits (generation, deal_id, visit_no, pipeline_id, pipeline_version, stage_id,
                                            entered_at, manager_id)
                        VALUES (:generation, :dealId, :visitNo, :pipelineId, :version, :stageId, :at, :managerId)""")
                .param("generation", generation).param("dealId", dealId).param("visitNo", visitNo)
                .param("pipelineId", pipelineId).param("version", version).param("stageId", stageId)
                .param("at", Timestamp.from(at)).param("managerId", managerId).update();
    }

    private Optional<DealState> lock(int generation, String dealId) {
        return jdbc.sql("""
                        SELECT deal_id, manager_id, visit_count, last_change_at, last_change_direction,
                               last_change_sequence
                        FROM deals WHERE generation = :generation AND deal_id = :dealId FOR UPDATE""")
                .param("generation", generation).param("dealId", dealId)
                .query((row, n) -> new DealState(row.getString("deal_id"), row.getString("manager_id"),
                        row.getInt("visit_count"),
                        row.getTimestamp("last_change_at") == null ? null
                                : row.getTimestamp("last_change_at").toInstant(),
                        row.getString("last_change_direction"), row.getLong("last_change_sequence")))
                .optional();
    }

    private record DealState(String dealId, String managerId, int visitCount, Instant lastChangeAt,
                             String lastChangeDirection, long lastChangeSequence) {
    }
}
