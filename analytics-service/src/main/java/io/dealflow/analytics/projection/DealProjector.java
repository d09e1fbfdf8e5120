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
import io.dealflow.platform.jdbc.SqlArrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static io.dealflow.platform.jdbc.SqlArrays.micros;

/**
 * Projects deal events into visits, stage changes and deal rows of one generation (DESIGN §4 definitions). Every
 * time is the event's {@code occurredAt}, never the processing time, so a replay gives identical answers. Each
 * event is applied once per generation (last applied sequence per deal, in the same transaction); Kafka keeps one
 * deal's events in order, which the catch-up marking relies on.
 *
 * <p>A batch (a poll, or a stretch of a replay) is applied in one transaction: the rows of its deals are read
 * once, every event of the batch is applied to them in memory in delivery order, and what changed is written
 * back with one multi-row statement per table, so the cost per event is a share of a few statements instead of
 * five round trips.
 */
@Component
public class DealProjector {

    private static final Logger log = LoggerFactory.getLogger(DealProjector.class);

    /**
     * A deal and its current visit (the one numbered {@code visit_count}): all the projection needs to apply the
     * deal's next event. No row lock: the consumer position of the deal, locked first, already serialises writers.
     * The ids are joined unnested, so that each is one primary-key lookup whatever the statistics say.
     */
    private static final String LOAD = """
            SELECT d.deal_id, d.pipeline_id, d.manager_id, d.origin_deal_id, d.opened_at, d.status, d.closed_at,
                   d.visit_count, d.last_change_at, d.last_change_direction, d.last_change_sequence, d.visited,
                   v.visit_no, v.pipeline_id AS visit_pipeline_id, v.pipeline_version, v.stage_id, v.entered_at,
                   v.exited_at, v.exit_kind, v.manager_id AS visit_manager_id, v.catch_up, v.loss_reason, v.shared
            FROM unnest(?::text[]) AS wanted (deal_id)
            JOIN deals d ON d.generation = ? AND d.deal_id = wanted.deal_id
            LEFT JOIN visits v
                   ON v.generation = d.generation AND v.deal_id = d.deal_id AND v.visit_no = d.visit_count""";

    private static final String UPSERT_DEALS = """
            INSERT INTO deals AS d (generation, deal_id, pipeline_id, manager_id, origin_deal_id, opened_at, status,
                                    closed_at, visit_count, last_change_at, last_change_direction,
                                    last_change_sequence, visited)
            SELECT ?, * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],
                                    ?::timestamptz[], ?::int[], ?::timestamptz[], ?::text[], ?::bigint[], ?::text[])
            ON CONFLICT (generation, deal_id) DO UPDATE
                SET manager_id = EXCLUDED.manager_id, status = EXCLUDED.status, closed_at = EXCLUDED.closed_at,
                    visit_count = EXCLUDED.visit_count, last_change_at = EXCLUDED.last_change_at,
                    last_change_direction = EXCLUDED.last_change_direction,
                    last_change_sequence = EXCLUDED.last_change_sequence, visited = EXCLUDED.visited""";

    private static final String UPSERT_VISITS = """
            INSERT INTO visits AS v (generation, deal_id, visit_no, pipeline_id, pipeline_version, stage_id,
                                     entered_at, exited_at, exit_kind, manager_id, catch_up, loss_reason, shared)
            SELECT ?, * FROM unnest(?::text[], ?::int[], ?::text[], ?::int[], ?::text[], ?::timestamptz[],
                                    ?::timestamptz[], ?::text[], ?::text[], ?::boolean[], ?::text[], ?::boolean[])
            ON CONFLICT (generation, deal_id, visit_no) DO UPDATE
                SET exited_at = EXCLUDED.exited_at, exit_kind = EXCLUDED.exit_kind, manager_id = EXCLUDED.manager_id,
                    catch_up = EXCLUDED.catch_up, loss_reason = EXCLUDED.loss_reason, shared = EXCLUDED.shared""";

    private static final String INSERT_STAGE_CHANGES = """
            INSERT INTO stage_changes (generation, deal_id, sequence, pipeline_id, pipeline_version, from_stage_id,
                                       to_stage_id, direction, skipped_count, manager_id, occurred_at, catch_up)
            SELECT ?, * FROM unnest(?::text[], ?::bigint[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],
                                    ?::int[], ?::text[], ?::timestamptz[], ?::boolean[])""";

    /** Catch-up marks on visits written before this batch (the ones in memory carry the mark themselves). */
    private static final String MARK_VISITS = """
            UPDATE visits SET catch_up = true
            FROM unnest(?::text[], ?::int[]) AS marked (deal_id, visit_no)
            WHERE visits.generation = ? AND visits.deal_id = marked.deal_id AND visits.visit_no = marked.visit_no""";

    /**
     * Returns only the changes whose mark flipped, for the catch-up moves of the day counts: a change marked
     * already (by an earlier delivery) is not counted again.
     */
    private static final String MARK_STAGE_CHANGES = """
            UPDATE stage_changes SET catch_up = true
            FROM unnest(?::text[], ?::bigint[]) AS marked (deal_id, sequence)
            WHERE stage_changes.generation = ? AND stage_changes.deal_id = marked.deal_id
              AND stage_changes.sequence = marked.sequence AND NOT stage_changes.catch_up
            RETURNING stage_changes.pipeline_id, stage_changes.manager_id, stage_changes.occurred_at""";

    /**
     * A deal re-entered a stage: its earlier visits there, written before this batch, stop counting as deals of
     * their own in the day counts (conversion counts a deal once per stage). Returns them as they were, so their
     * contributions can be taken back.
     */
    private static final String MARK_SHARED = """
            UPDATE visits SET shared = true
            FROM unnest(?::text[], ?::int[], ?::text[], ?::int[]) AS marked (deal_id, pipeline_version, stage_id, below)
            WHERE visits.generation = ? AND visits.deal_id = marked.deal_id
              AND visits.pipeline_version = marked.pipeline_version AND visits.stage_id = marked.stage_id
              AND visits.visit_no < marked.below AND NOT visits.shared
            RETURNING visits.pipeline_id, visits.pipeline_version, visits.stage_id, visits.manager_id,
                      visits.entered_at, visits.exited_at, visits.exit_kind, visits.loss_reason""";

    private final IdempotentConsumer consumer;
    private final JdbcTemplate jdbc;
    private final VisitTimeline timeline;
    private final DayCounts dayCounts;
    private final OpenTasks openTasks;

    public DealProjector(IdempotentConsumer consumer, JdbcTemplate jdbc, AnalyticsProperties properties,
                         DayCounts dayCounts, OpenTasks openTasks) {
        this.consumer = consumer;
        this.jdbc = jdbc;
        this.timeline = new VisitTimeline(new CatchUpRule(properties.catchUpWindow()));
        this.dayCounts = dayCounts;
        this.openTasks = openTasks;
    }

    public static String consumerName(int generation) {
        return "analytics-deals-g" + generation;
    }

    /** @return the visit the event ended, when the event was new and ended one */
    public Optional<FinishedVisit> apply(int generation, PublishedEvent<DealEvent> published) {
        return apply(generation, List.of(published)).stream().findFirst();
    }

    /**
     * Applies the new events of a batch in one transaction; redeliveries and older events are skipped as one by
     * one. If anything fails, nothing of the batch is written.
     *
     * @param batch in delivery order (one deal's events in sequence order)
     * @return the visits the new events ended, in order
     */
    public List<FinishedVisit> apply(int generation, List<PublishedEvent<DealEvent>> batch) {
        List<FinishedVisit> finished = new ArrayList<>();
        consumer.applyNewer(consumerName(generation), batch, published -> published.event().dealId(),
                PublishedEvent::sequence, fresh -> {
                    Batch work = new Batch(generation, load(generation, fresh));
                    fresh.forEach(published -> work.project(published, finished));
                    work.write();
                });
        return finished;
    }

    private Map<String, DealRow> load(int generation, List<PublishedEvent<DealEvent>> events) {
        Set<String> ids = new LinkedHashSet<>();
        events.forEach(published -> ids.add(published.event().dealId()));
        Map<String, DealRow> deals = new LinkedHashMap<>();
        jdbc.query(connection -> SqlArrays.prepare(connection, LOAD, ids.toArray(String[]::new), generation),
                (RowCallbackHandler) row -> {
                    DealRow deal = new DealRow(row.getString("deal_id"), row.getString("pipeline_id"),
                            row.getString("origin_deal_id"), SqlArrays.instant(row, "opened_at"));
                    deal.managerId = row.getString("manager_id");
                    deal.status = row.getString("status");
                    deal.closedAt = SqlArrays.instant(row, "closed_at");
                    deal.visitCount = row.getInt("visit_count");
                    deal.lastChangeAt = SqlArrays.instant(row, "last_change_at");
                    deal.lastChangeDirection = row.getString("last_change_direction");
                    deal.lastChangeSequence = (Long) row.getObject("last_change_sequence");
                    deal.visited.addAll(VisitedStages.parse(row.getString("visited")));
                    if (row.getObject("visit_no") != null) {
                        VisitRow visit = new VisitRow(deal.dealId, row.getInt("visit_no"),
                                row.getString("visit_pipeline_id"), row.getInt("pipeline_version"),
                                row.getString("stage_id"),
                                SqlArrays.instant(row, "entered_at"));
                        visit.exitedAt = SqlArrays.instant(row, "exited_at");
                        visit.exitKind = row.getString("exit_kind");
                        visit.managerId = row.getString("visit_manager_id");
                        visit.catchUp = row.getBoolean("catch_up");
                        visit.lossReason = row.getString("loss_reason");
                        visit.shared = row.getBoolean("shared");
                        visit.before = visit.counted();
                        deal.current = visit;
                        deal.firstLoadedVisitNo = visit.visitNo;
                        deal.inMemory.add(visit);
                    }
                    deals.put(deal.dealId, deal);
                });
        return deals;
    }

    /** One batch's work: the deals it touches, in memory, and what it will write. */
    private final class Batch {

        private final int generation;
        private final Map<String, DealRow> deals;
        private final Set<DealRow> changedDeals = new LinkedHashSet<>();
        private final Map<VisitKey, VisitRow> visits = new LinkedHashMap<>();
        private final Map<ChangeKey, ChangeRow> changes = new LinkedHashMap<>();
        private final Set<VisitKey> visitMarks = new LinkedHashSet<>();
        private final Set<ChangeKey> changeMarks = new LinkedHashSet<>();
        private final Set<SharedMark> sharedMarks = new LinkedHashSet<>();

        Batch(int generation, Map<String, DealRow> deals) {
            this.generation = generation;
            this.deals = deals;
        }

        void project(PublishedEvent<DealEvent> published, List<FinishedVisit> finished) {
            DealEvent event = published.event();
            Instant at = micros(published.occurredAt());
            DealRow deal = deals.get(event.dealId());
            if (event instanceof DealOpened opened) {
                if (deal != null) {
                    log.warn("DealOpened for deal {} which analytics has already opened; skipped", event.dealId());
                } else {
                    open(opened, at);
                }
                return;
            }
            if (deal == null) {
                log.warn("{} for deal {} which analytics never saw opened; skipped", event.eventType(),
                        event.dealId());
                return;
            }
            FinishedVisit ended = null;
            if (event instanceof DealStageChanged changed) {
                ended = changeStage(deal, changed, published.sequence(), at);
            } else if (event instanceof DealManagerReassigned reassigned) {
                reassign(deal, reassigned.toManagerId());
            } else if (event instanceof DealWon won) {
                ended = close(deal, "WON", won.managerId(), null, at);
            } else if (event instanceof DealLost lost) {
                ended = close(deal, "LOST", lost.managerId(), lost.reasonCode(), at);
            }
            if (ended != null) {
                finished.add(ended);
            }
        }

        private void open(DealOpened opened, Instant at) {
            DealRow deal = new DealRow(opened.dealId(), opened.pipelineId(), opened.originDealId(), at);
            deal.managerId = opened.managerId();
            deal.status = "OPEN";
            deal.visitCount = 1;
            deals.put(deal.dealId, deal);
            changedDeals.add(deal);
            startVisit(deal, 1, opened.pipelineId(), opened.pipelineVersion(), opened.stageId(), at,
                    opened.managerId());
        }

        /**
         * Ends the current visit and starts one in the target stage; skipped stages get none. A forward change
         * within the window of a forward change just before it makes both changes a catch-up run: the visit the
         * earlier one ended is marked now, because only the second change reveals the run (R9).
         */
        private FinishedVisit changeStage(DealRow deal, DealStageChanged changed, long sequence, Instant at) {
            String manager = changed.managerId() == null ? deal.managerId : changed.managerId();
            FinishedVisit finished = endVisit(deal, changed.direction().name(), manager, null, at);
            VisitTimeline.Step step = timeline.change(deal.visitCount, previousChange(deal), changed.direction(), at);
            if (step.catchUp()) {
                step.run().visits().forEach(visitNo -> markVisit(deal.dealId, visitNo));
                markChange(deal.dealId, step.run().earlierChange());
            }
            changes.put(new ChangeKey(deal.dealId, sequence), new ChangeRow(deal.dealId, sequence,
                    changed.pipelineId(), changed.pipelineVersion(), changed.fromStageId(), changed.toStageId(),
                    changed.direction().name(), changed.skippedStageIds().size(), manager, at, step.catchUp()));
            startVisit(deal, step.starts(), changed.pipelineId(), changed.pipelineVersion(),
                    changed.toStageId(), at, manager);
            deal.visitCount = step.starts();
            deal.managerId = manager;
            deal.lastChangeAt = at;
            deal.lastChangeDirection = changed.direction().name();
            deal.lastChangeSequence = sequence;
            changedDeals.add(deal);
            return finished;
        }

        private static VisitTimeline.PreviousChange previousChange(DealRow deal) {
            if (deal.lastChangeAt == null) {
                return null;
            }
            return new VisitTimeline.PreviousChange(deal.lastChangeSequence == null ? 0 : deal.lastChangeSequence,
                    deal.lastChangeAt,
                    deal.lastChangeDirection == null ? null : Direction.valueOf(deal.lastChangeDirection));
        }

        /** The open visit now belongs to the new manager: a visit's manager is the deal's when it ends. */
        private void reassign(DealRow deal, String managerId) {
            deal.managerId = managerId;
            changedDeals.add(deal);
            VisitRow current = deal.current;
            if (current != null && current.exitedAt == null) {
                current.managerId = managerId;
                touch(current);
            }
        }

        private FinishedVisit close(DealRow deal, String outcome, String managerId, String lossReason, Instant at) {
            String manager = managerId == null ? deal.managerId : managerId;
            FinishedVisit finished = endVisit(deal, outcome, manager, lossReason, at);
            deal.status = outcome;
            deal.closedAt = at;
            deal.managerId = manager;
            changedDeals.add(deal);
            return finished;
        }

        private FinishedVisit endVisit(DealRow deal, String exitKind, String managerId, String lossReason,
                                       Instant at) {
            VisitRow current = deal.current;
            if (current == null || current.visitNo != deal.visitCount || current.exitedAt != null) {
                return null;
            }
            current.exitedAt = at;
            current.exitKind = exitKind;
            current.managerId = managerId;
            current.lossReason = lossReason;
            touch(current);
            return new FinishedVisit(current.pipelineId, current.pipelineVersion, current.stageId, exitKind,
                    Duration.between(current.enteredAt, at));
        }

        /**
         * A visit to a stage the deal was in before makes all its visits there one deal for conversion: those in
         * memory are marked here, those written before this batch by {@link #write()}.
         */
        private void startVisit(DealRow deal, int visitNo, String pipelineId, int version, String stageId,
                                Instant at, String managerId) {
            VisitRow visit = new VisitRow(deal.dealId, visitNo, pipelineId, version, stageId, at);
            visit.managerId = managerId;
            if (!deal.visited.add(VisitedStages.key(version, stageId))) {
                visit.shared = true;
                for (VisitRow earlier : deal.inMemory) {
                    if (earlier.pipelineVersion == version && earlier.stageId.equals(stageId) && !earlier.shared) {
                        earlier.shared = true;
                        touch(earlier);
                    }
                }
                if (deal.firstLoadedVisitNo > 0) {
                    sharedMarks.add(new SharedMark(deal.dealId, version, stageId, deal.firstLoadedVisitNo));
                }
            }
            deal.current = visit;
            deal.inMemory.add(visit);
            touch(visit);
        }

        private void touch(VisitRow visit) {
            visits.putIfAbsent(new VisitKey(visit.dealId, visit.visitNo), visit);
        }

        private void markVisit(String dealId, int visitNo) {
            VisitKey key = new VisitKey(dealId, visitNo);
            VisitRow inMemory = visits.get(key);
            if (inMemory != null) {
                inMemory.catchUp = true;
            } else {
                visitMarks.add(key);
            }
        }

        private void markChange(String dealId, long sequence) {
            ChangeKey key = new ChangeKey(dealId, sequence);
            ChangeRow inMemory = changes.get(key);
            if (inMemory != null) {
                inMemory.catchUp = true;
            } else {
                changeMarks.add(key);
            }
        }

        /**
         * Rows first, marks after: a mark names a row written before this batch, which the upserts leave alone
         * (only rows this batch touched are in them).
         */
        void write() {
            CountDeltas deltas = new CountDeltas();
            if (!changedDeals.isEmpty()) {
                List<DealRow> rows = List.copyOf(changedDeals);
                jdbc.update(connection -> SqlArrays.prepare(connection, UPSERT_DEALS, generation,
                        SqlArrays.text(rows, d -> d.dealId), SqlArrays.text(rows, d -> d.pipelineId),
                        SqlArrays.text(rows, d -> d.managerId), SqlArrays.text(rows, d -> d.originDealId),
                        SqlArrays.times(rows, d -> d.openedAt), SqlArrays.text(rows, d -> d.status),
                        SqlArrays.times(rows, d -> d.closedAt), SqlArrays.ints(rows, d -> d.visitCount),
                        SqlArrays.times(rows, d -> d.lastChangeAt), SqlArrays.text(rows, d -> d.lastChangeDirection),
                        SqlArrays.longs(rows, d -> d.lastChangeSequence),
                        SqlArrays.text(rows, d -> VisitedStages.format(d.visited))));
                openTasks.writeDeals(generation, rows.stream().map(d -> new OpenTasks.DealState(d.dealId,
                        d.pipelineId, d.managerId, "OPEN".equals(d.status))).toList());
            }
            if (!visits.isEmpty()) {
                List<VisitRow> rows = List.copyOf(visits.values());
                jdbc.update(connection -> SqlArrays.prepare(connection, UPSERT_VISITS, generation,
                        SqlArrays.text(rows, v -> v.dealId), SqlArrays.ints(rows, v -> v.visitNo),
                        SqlArrays.text(rows, v -> v.pipelineId), SqlArrays.ints(rows, v -> v.pipelineVersion),
                        SqlArrays.text(rows, v -> v.stageId), SqlArrays.times(rows, v -> v.enteredAt),
                        SqlArrays.times(rows, v -> v.exitedAt), SqlArrays.text(rows, v -> v.exitKind),
                        SqlArrays.text(rows, v -> v.managerId), SqlArrays.booleans(rows, v -> v.catchUp),
                        SqlArrays.text(rows, v -> v.lossReason), SqlArrays.booleans(rows, v -> v.shared)));
            }
            if (!changes.isEmpty()) {
                List<ChangeRow> rows = List.copyOf(changes.values());
                jdbc.update(connection -> SqlArrays.prepare(connection, INSERT_STAGE_CHANGES, generation,
                        SqlArrays.text(rows, c -> c.dealId), SqlArrays.longs(rows, c -> c.sequence),
                        SqlArrays.text(rows, c -> c.pipelineId), SqlArrays.ints(rows, c -> c.pipelineVersion),
                        SqlArrays.text(rows, c -> c.fromStageId), SqlArrays.text(rows, c -> c.toStageId),
                        SqlArrays.text(rows, c -> c.direction), SqlArrays.ints(rows, c -> c.skippedCount),
                        SqlArrays.text(rows, c -> c.managerId), SqlArrays.times(rows, c -> c.occurredAt),
                        SqlArrays.booleans(rows, c -> c.catchUp)));
                rows.forEach(c -> deltas.addStageChange(c.pipelineId, c.managerId, c.occurredAt, c.skippedCount > 0,
                        "BACKWARD".equals(c.direction), c.catchUp));
            }
            if (!visitMarks.isEmpty()) {
                List<VisitKey> rows = List.copyOf(visitMarks);
                jdbc.update(connection -> SqlArrays.prepare(connection, MARK_VISITS,
                        SqlArrays.text(rows, VisitKey::dealId), SqlArrays.ints(rows, VisitKey::visitNo), generation));
            }
            if (!changeMarks.isEmpty()) {
                List<ChangeKey> rows = List.copyOf(changeMarks);
                jdbc.query(connection -> SqlArrays.prepare(connection, MARK_STAGE_CHANGES,
                        SqlArrays.text(rows, ChangeKey::dealId), SqlArrays.longs(rows, ChangeKey::sequence),
                        generation), (RowCallbackHandler) row -> deltas.addCatchUpMark(row.getString("pipeline_id"),
                        row.getString("manager_id"), SqlArrays.instant(row, "occurred_at")));
            }
            visits.values().forEach(visit -> deltas.replace(visit.before, visit.counted()));
            if (!sharedMarks.isEmpty()) {
                List<SharedMark> rows = List.copyOf(sharedMarks);
                jdbc.query(connection -> SqlArrays.prepare(connection, MARK_SHARED,
                        SqlArrays.text(rows, SharedMark::dealId), SqlArrays.ints(rows, SharedMark::pipelineVersion),
                        SqlArrays.text(rows, SharedMark::stageId), SqlArrays.ints(rows, SharedMark::below),
                        generation), (RowCallbackHandler) row -> {
                    CountedVisit alone = new CountedVisit(row.getString("pipeline_id"), row.getInt("pipeline_version"),
                            row.getString("stage_id"), row.getString("manager_id"),
                            SqlArrays.instant(row, "entered_at"), SqlArrays.instant(row, "exited_at"),
                            row.getString("exit_kind"), row.getString("loss_reason"), false);
                    deltas.replace(alone, alone.asShared());
                });
            }
            dayCounts.write(generation, deltas);
        }
    }

    private static final class DealRow {
        final String dealId;
        final String pipelineId;
        final String originDealId;
        final Instant openedAt;
        String managerId;
        String status;
        Instant closedAt;
        int visitCount;
        Instant lastChangeAt;
        String lastChangeDirection;
        Long lastChangeSequence;
        VisitRow current;
        /** Every (version, stage) the deal has had a visit in. */
        final Set<String> visited = new LinkedHashSet<>();
        /** The number of the current visit as loaded, 0 for a deal opened in this batch: earlier ones are not loaded. */
        int firstLoadedVisitNo;
        final List<VisitRow> inMemory = new ArrayList<>();

        DealRow(String dealId, String pipelineId, String originDealId, Instant openedAt) {
            this.dealId = dealId;
            this.pipelineId = pipelineId;
            this.originDealId = originDealId;
            this.openedAt = openedAt;
        }
    }

    private static final class VisitRow {
        final String dealId;
        final int visitNo;
        final String pipelineId;
        final int pipelineVersion;
        final String stageId;
        final Instant enteredAt;
        Instant exitedAt;
        String exitKind;
        String managerId;
        boolean catchUp;
        String lossReason;
        boolean shared;
        /** Its contribution to the day counts as loaded, null for a visit started in this batch. */
        CountedVisit before;

        VisitRow(String dealId, int visitNo, String pipelineId, int pipelineVersion, String stageId,
                 Instant enteredAt) {
            this.dealId = dealId;
            this.visitNo = visitNo;
            this.pipelineId = pipelineId;
            this.pipelineVersion = pipelineVersion;
            this.stageId = stageId;
            this.enteredAt = enteredAt;
        }

        CountedVisit counted() {
            return new CountedVisit(pipelineId, pipelineVersion, stageId, managerId, enteredAt, exitedAt, exitKind,
                    lossReason, shared);
        }
    }

    private static final class ChangeRow {
        final String dealId;
        final long sequence;
        final String pipelineId;
        final int pipelineVersion;
        final String fromStageId;
        final String toStageId;
        final String direction;
        final int skippedCount;
        final String managerId;
        final Instant occurredAt;
        boolean catchUp;

        ChangeRow(String dealId, long sequence, String pipelineId, int pipelineVersion, String fromStageId,
                  String toStageId, String direction, int skippedCount, String managerId, Instant occurredAt,
                  boolean catchUp) {
            this.dealId = dealId;
            this.sequence = sequence;
            this.pipelineId = pipelineId;
            this.pipelineVersion = pipelineVersion;
            this.fromStageId = fromStageId;
            this.toStageId = toStageId;
            this.direction = direction;
            this.skippedCount = skippedCount;
            this.managerId = managerId;
            this.occurredAt = occurredAt;
            this.catchUp = catchUp;
        }
    }

    private record VisitKey(String dealId, int visitNo) {
    }

    private record ChangeKey(String dealId, long sequence) {
    }

    private record SharedMark(String dealId, int pipelineVersion, String stageId, int below) {
    }
}
