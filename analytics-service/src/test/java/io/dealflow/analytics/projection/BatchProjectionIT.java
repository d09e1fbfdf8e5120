package io.dealflow.analytics.projection;

import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.deal.Direction;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.api.task.CancelCause;
import io.dealflow.api.task.TaskCancelled;
import io.dealflow.api.task.TaskCompleted;
import io.dealflow.api.task.TaskEvent;
import io.dealflow.api.task.TaskKind;
import io.dealflow.api.task.TaskOpened;
import io.dealflow.api.task.TaskOverdue;
import io.dealflow.api.task.TaskRescheduled;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The batch path against the one-event-at-a-time path: the same interleaved history with redeliveries, applied
 * one event per transaction, as one batch, and in batches of random sizes, must leave identical rows; a batch
 * that fails must leave nothing, and its redelivery must then give the same rows. Each run writes a generation of
 * its own, apart from the one the live consumers feed.
 */
@DealflowIntegrationTest
class BatchProjectionIT {

    private static final AtomicInteger GENERATIONS = new AtomicInteger(1000 + new Random().nextInt(100_000) * 10);
    private static final List<String> STAGES = List.of("s1", "s2", "s3", "s4", "s5");

    @Autowired
    DealProjector deals;
    @Autowired
    TaskProjector tasks;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aBatchWithRedeliveriesAndSeveralEventsPerDealGivesTheSameRowsAsOneEventAtATime() {
        History history = History.generate(new Random(11), 300);

        int oneByOne = GENERATIONS.incrementAndGet();
        history.dealEvents.forEach(event -> deals.apply(oneByOne, event));
        history.taskEvents.forEach(event -> tasks.apply(oneByOne, event));
        int oneBatch = GENERATIONS.incrementAndGet();
        deals.apply(oneBatch, history.dealEvents);
        tasks.apply(oneBatch, history.taskEvents);
        int randomBatches = GENERATIONS.incrementAndGet();
        Random sizes = new Random(5);
        chunks(history.dealEvents, sizes).forEach(chunk -> deals.apply(randomBatches, chunk));
        chunks(history.taskEvents, sizes).forEach(chunk -> tasks.apply(randomBatches, chunk));
        // the two topics are independent: a deal's task events may well be applied before its deal events
        int tasksFirst = GENERATIONS.incrementAndGet();
        List<List<PublishedEvent<TaskEvent>>> taskChunks = chunks(history.taskEvents, sizes);
        List<List<PublishedEvent<DealEvent>>> dealChunks = chunks(history.dealEvents, sizes);
        for (int i = 0; i < Math.max(taskChunks.size(), dealChunks.size()); i++) {
            if (i < taskChunks.size()) {
                tasks.apply(tasksFirst, taskChunks.get(i));
            }
            if (i < dealChunks.size()) {
                deals.apply(tasksFirst, dealChunks.get(i));
            }
        }

        Map<String, List<String>> expected = rows(oneByOne);
        assertThat(expected.get("visits")).hasSizeGreaterThan(1000);
        assertThat(expected.get("visits")).anyMatch(row -> row.contains("|t|"));
        assertThat(expected.get("stage_changes")).anyMatch(row -> row.endsWith("|t"));
        assertThat(expected.get("task_facts")).isNotEmpty();
        assertThat(rows(oneBatch)).isEqualTo(expected);
        assertThat(rows(randomBatches)).isEqualTo(expected);
        assertThat(rows(tasksFirst)).isEqualTo(expected);
        assertThat(expected.get("quality_day_counts")).anyMatch(row -> !row.endsWith("|0|0|0|0|0"));
        assertThat(expected.get("deal_open_tasks")).anyMatch(row -> row.endsWith("|t|1"));
        for (int generation : new int[] {oneByOne, oneBatch, randomBatches, tasksFirst}) {
            assertThat(rows(generation).get("quality_day_counts")).isEqualTo(qualityCountsFromRows(generation));
            assertThat(rows(generation).get("deal_open_tasks")).isEqualTo(openTasksFromRows(generation));
        }
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        History history = History.generate(new Random(12), 50);
        int generation = GENERATIONS.incrementAndGet();
        deals.apply(generation, history.dealEvents);
        tasks.apply(generation, history.taskEvents);
        Map<String, List<String>> once = rows(generation);

        assertThat(deals.apply(generation, history.dealEvents)).isEmpty();
        assertThat(tasks.apply(generation, history.taskEvents)).isZero();

        assertThat(rows(generation)).isEqualTo(once);
        assertThat(once.get("quality_day_counts")).isEqualTo(qualityCountsFromRows(generation));
        assertThat(once.get("deal_open_tasks")).isEqualTo(openTasksFromRows(generation));
    }

    @Test
    void aFailingBatchWritesNothingAndItsRedeliveryAppliesItAll() {
        History history = History.generate(new Random(13), 40);
        int reference = GENERATIONS.incrementAndGet();
        deals.apply(reference, history.dealEvents);
        int generation = GENERATIONS.incrementAndGet();
        List<PublishedEvent<DealEvent>> first = history.dealEvents.subList(0, history.dealEvents.size() / 2);
        List<PublishedEvent<DealEvent>> second = history.dealEvents.subList(first.size(), history.dealEvents.size());
        deals.apply(generation, first);
        Map<String, List<String>> afterFirst = rows(generation);
        List<String> positionsAfterFirst = positions(generation);
        PublishedEvent<DealEvent> change = second.stream()
                .filter(event -> event.event() instanceof DealStageChanged && !first.contains(event))
                .reduce((a, b) -> b).orElseThrow();
        // a row in the way of the batch's last stage change: its insert fails after everything else was written
        jdbc.update("""
                INSERT INTO stage_changes (generation, deal_id, sequence, pipeline_id, pipeline_version,
                                           from_stage_id, to_stage_id, direction, skipped_count, manager_id,
                                           occurred_at)
                VALUES (?, ?, ?, 'p', 1, 'x', 'y', 'FORWARD', 0, 'm', now())""",
                generation, change.event().dealId(), change.sequence());

        assertThatThrownBy(() -> deals.apply(generation, second)).isInstanceOf(DataIntegrityViolationException.class);

        jdbc.update("DELETE FROM stage_changes WHERE generation = ? AND deal_id = ? AND sequence = ?", generation,
                change.event().dealId(), change.sequence());
        assertThat(rows(generation)).isEqualTo(afterFirst);
        assertThat(positions(generation)).isEqualTo(positionsAfterFirst);

        deals.apply(generation, second);

        assertThat(rows(generation)).isEqualTo(rows(reference));
        assertThat(rows(generation).get("quality_day_counts")).isEqualTo(qualityCountsFromRows(generation));
    }

    private static <E> List<List<E>> chunks(List<E> events, Random sizes) {
        List<List<E>> chunks = new ArrayList<>();
        for (int from = 0; from < events.size(); ) {
            int to = Math.min(events.size(), from + 1 + sizes.nextInt(40));
            chunks.add(events.subList(from, to));
            from = to;
        }
        return chunks;
    }

    /** Every projection row of a generation, without the generation, in a stable order. */
    private Map<String, List<String>> rows(int generation) {
        Map<String, List<String>> rows = new HashMap<>();
        rows.put("deals", lines("""
                SELECT concat_ws('|', deal_id, pipeline_id, manager_id, origin_deal_id, opened_at, status, closed_at,
                                 visit_count, last_change_at, last_change_direction, last_change_sequence)
                FROM deals WHERE generation = ? ORDER BY deal_id""", generation));
        rows.put("visits", lines("""
                SELECT concat_ws('|', deal_id, visit_no, pipeline_id, pipeline_version, stage_id, entered_at,
                                 coalesce(exited_at::text, '-'), coalesce(exit_kind, '-'), manager_id, catch_up,
                                 coalesce(loss_reason, '-'))
                FROM visits WHERE generation = ? ORDER BY deal_id, visit_no""", generation));
        rows.put("stage_changes", lines("""
                SELECT concat_ws('|', deal_id, sequence, pipeline_id, pipeline_version, from_stage_id, to_stage_id,
                                 direction, skipped_count, manager_id, occurred_at, catch_up)
                FROM stage_changes WHERE generation = ? ORDER BY deal_id, sequence""", generation));
        rows.put("tasks", lines("""
                SELECT concat_ws('|', task_id, deal_id, pipeline_id, assignee_id, status, due_at)
                FROM tasks WHERE generation = ? ORDER BY task_id""", generation));
        rows.put("task_facts", lines("""
                SELECT concat_ws('|', deal_id, sequence, task_id, pipeline_id, assignee_id, kind, occurred_at)
                FROM task_facts WHERE generation = ? ORDER BY deal_id, sequence""", generation));
        rows.put("quality_day_counts", lines("""
                SELECT concat_ws('|', pipeline_id, manager_id, day, sum(changes), sum(skips), sum(backward_moves),
                                 sum(catch_up_moves), sum(overdue_tasks), sum(reschedules))
                FROM quality_day_counts WHERE generation = ?
                GROUP BY pipeline_id, manager_id, day ORDER BY pipeline_id, manager_id, day""", generation));
        rows.put("deal_open_tasks", lines("""
                SELECT concat_ws('|', deal_id, coalesce(pipeline_id, '-'), coalesce(manager_id, '-'), deal_open,
                                 open_tasks)
                FROM deal_open_tasks WHERE generation = ? AND (deal_open OR open_tasks <> 0) ORDER BY deal_id""",
                generation));
        return rows;
    }

    /** Each deal's open state and open tasks as the deals and tasks rows have them. */
    private List<String> openTasksFromRows(int generation) {
        return jdbc.queryForList("""
                SELECT concat_ws('|', coalesce(d.deal_id, t.deal_id), coalesce(d.pipeline_id, '-'),
                                 coalesce(d.manager_id, '-'), coalesce(d.status = 'OPEN', false),
                                 coalesce(t.open_tasks, 0))
                FROM (SELECT * FROM deals WHERE generation = ?) AS d
                FULL JOIN (SELECT deal_id, count(*) AS open_tasks FROM tasks WHERE generation = ? AND status = 'OPEN'
                           GROUP BY deal_id) AS t ON t.deal_id = d.deal_id
                WHERE d.status = 'OPEN' OR t.open_tasks > 0
                ORDER BY coalesce(d.deal_id, t.deal_id)""", String.class, generation, generation);
    }

    /** The data-quality day counts as counted from the rows they stand for (the migration's backfill). */
    private List<String> qualityCountsFromRows(int generation) {
        return jdbc.queryForList("""
                SELECT concat_ws('|', pipeline_id, manager_id, day, sum(changes), sum(skips), sum(backward_moves),
                                 sum(catch_up_moves), sum(overdue_tasks), sum(reschedules))
                FROM (SELECT pipeline_id, manager_id, (occurred_at AT TIME ZONE 'UTC')::date AS day, 1 AS changes,
                             CASE WHEN skipped_count > 0 THEN 1 ELSE 0 END AS skips,
                             CASE WHEN direction = 'BACKWARD' THEN 1 ELSE 0 END AS backward_moves,
                             CASE WHEN catch_up THEN 1 ELSE 0 END AS catch_up_moves, 0 AS overdue_tasks,
                             0 AS reschedules
                      FROM stage_changes WHERE generation = ?
                      UNION ALL
                      SELECT pipeline_id, assignee_id, (occurred_at AT TIME ZONE 'UTC')::date, 0, 0, 0, 0,
                             CASE WHEN kind = 'OVERDUE' THEN 1 ELSE 0 END,
                             CASE WHEN kind = 'RESCHEDULED' THEN 1 ELSE 0 END
                      FROM task_facts WHERE generation = ?) AS contributions
                GROUP BY pipeline_id, manager_id, day ORDER BY pipeline_id, manager_id, day""", String.class,
                generation, generation);
    }

    private List<String> positions(int generation) {
        return lines("""
                SELECT concat_ws('|', aggregate_id, last_sequence) FROM consumer_positions
                WHERE consumer_name = ? ORDER BY aggregate_id""", DealProjector.consumerName(generation));
    }

    private List<String> lines(String sql, Object parameter) {
        return jdbc.queryForList(sql, String.class, parameter);
    }

    /**
     * Deals opened a few minutes apart whose events interleave (ordered by time, as a topic partition would hold
     * them), with catch-up runs, skips, backward moves, reassignments, wins and losses, and every tenth event
     * delivered a second time a little later.
     */
    record History(List<PublishedEvent<DealEvent>> dealEvents, List<PublishedEvent<TaskEvent>> taskEvents) {

        static final List<Duration> GAPS = List.of(Duration.ofMinutes(2), Duration.ofMinutes(9),
                Duration.ofMinutes(30), Duration.ofHours(3), Duration.ofDays(1));

        static History generate(Random random, int count) {
            String run = UUID.randomUUID().toString().substring(0, 8);
            Instant base = Instant.parse("2033-01-01T00:00:00Z");
            List<PublishedEvent<DealEvent>> dealEvents = new ArrayList<>();
            List<PublishedEvent<TaskEvent>> taskEvents = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String dealId = run + "-" + i;
                String manager = "m" + random.nextInt(4);
                Instant at = base.plus(Duration.ofMinutes(3L * i)).plusNanos(random.nextInt(1_000_000_000));
                long sequence = 0;
                long taskSequence = 0;
                int stage = 0;
                dealEvents.add(event(sequence++, at, new DealOpened(dealId, "p", 1, manager, "Deal", manager,
                        STAGES.get(0), Map.of(), List.of(), null, null, null)));
                String taskId = dealId + "-t";
                taskEvents.add(task(taskSequence++, at, new TaskOpened(taskId, dealId, "p", manager, "Call",
                        at.plus(Duration.ofHours(4)), TaskKind.STAGE, null, "system")));
                for (int step = 0; step < 8; step++) {
                    at = at.plus(GAPS.get(random.nextInt(GAPS.size())));
                    int action = random.nextInt(100);
                    String stageId = STAGES.get(stage);
                    if (stage == STAGES.size() - 1 && action < 40) {
                        dealEvents.add(event(sequence++, at, new DealWon(dealId, "p", 1, manager, stageId, manager)));
                        taskEvents.add(task(taskSequence++, at, new TaskCompleted(taskId, dealId, "p", manager,
                                "Call", at, TaskKind.STAGE, null, manager)));
                        break;
                    } else if (action < 10) {
                        dealEvents.add(event(sequence++, at, new DealLost(dealId, "p", 1, manager, stageId, manager,
                                random.nextBoolean() ? "price" : "silent", "lost")));
                        taskEvents.add(task(taskSequence++, at, new TaskCancelled(taskId, dealId, "p", manager,
                                "Call", at, TaskKind.STAGE, null, "system", CancelCause.DEAL_CLOSED)));
                        break;
                    } else if (action < 15) {
                        String to = "m" + random.nextInt(4);
                        dealEvents.add(event(sequence++, at, new DealManagerReassigned(dealId, "p", 1, "head",
                                manager, to)));
                        manager = to;
                    } else if (action < 20) {
                        taskEvents.add(task(taskSequence++, at, random.nextBoolean()
                                ? new TaskOverdue(taskId, dealId, "p", manager, "Call", at, TaskKind.STAGE, null,
                                "system")
                                : new TaskRescheduled(taskId, dealId, "p", manager, "Call", at.plus(Duration.ofDays(1)),
                                TaskKind.STAGE, null, manager, at, "asked")));
                    } else if (action < 30 && stage > 0) {
                        stage--;
                        dealEvents.add(event(sequence++, at, new DealStageChanged(dealId, "p", 1, manager, stageId,
                                STAGES.get(stage), Direction.BACKWARD, List.of(), "back", manager)));
                    } else if (action < 40 && stage < STAGES.size() - 2) {
                        stage += 2;
                        dealEvents.add(event(sequence++, at, new DealStageChanged(dealId, "p", 1, manager, stageId,
                                STAGES.get(stage), Direction.FORWARD, List.of(STAGES.get(stage - 1)), "skip",
                                manager)));
                    } else if (stage < STAGES.size() - 1) {
                        stage++;
                        dealEvents.add(event(sequence++, at, new DealStageChanged(dealId, "p", 1, manager, stageId,
                                STAGES.get(stage), Direction.FORWARD, List.of(), null, manager)));
                    }
                }
            }
            return new History(interleave(dealEvents, random), interleave(taskEvents, random));
        }

        /** In time order (one deal's events stay in sequence order), then every tenth one again a bit later. */
        private static <E> List<PublishedEvent<E>> interleave(List<PublishedEvent<E>> events, Random random) {
            List<PublishedEvent<E>> ordered = new ArrayList<>(events);
            ordered.sort(Comparator.comparing(PublishedEvent::occurredAt));
            List<PublishedEvent<E>> delivered = new ArrayList<>(ordered);
            for (int i = 0; i < ordered.size(); i += 10) {
                int at = Math.min(delivered.size(), delivered.indexOf(ordered.get(i)) + 1 + random.nextInt(30));
                delivered.add(at, ordered.get(i));
            }
            return delivered;
        }

        private static PublishedEvent<DealEvent> event(long sequence, Instant at, DealEvent event) {
            return new PublishedEvent<>(UUID.randomUUID().toString(), sequence, at, event);
        }

        private static PublishedEvent<TaskEvent> task(long sequence, Instant at, TaskEvent event) {
            return new PublishedEvent<>(UUID.randomUUID().toString(), sequence, at, event);
        }
    }
}
