package io.dealflow.analytics.quality;

import io.dealflow.analytics.history.EventFeed;
import io.dealflow.analytics.projection.DayCounts;
import io.dealflow.analytics.projection.Generations;
import io.dealflow.analytics.report.ReportFilter;
import io.dealflow.platform.testing.ApiResponse;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.HttpApi;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The data-quality report reads whole days from {@code quality_day_counts} and the partial days from the rows: for
 * any period it must answer exactly what the query over every stage change and task fact answered before the day
 * counts existed (kept here as the oracle), through Kafka with every event delivered twice, with catch-up runs
 * whose second change arrives after the first was written (so an earlier row is marked), with a task applied before
 * its deal, after the day counts were folded, and after a rebuild.
 */
@DealflowIntegrationTest
class DataQualityDayCountsIT {

    static final List<String> STAGES = List.of("s1", "s2", "s3", "s4", "s5");
    static final Instant BASE = Instant.parse("2032-03-01T00:00:00Z");
    static final int DEALS = 400;
    static final List<Duration> GAPS = List.of(Duration.ofMinutes(2), Duration.ofMinutes(9), Duration.ofMinutes(30),
            Duration.ofHours(3), Duration.ofHours(20));
    /** Whole history; a period cutting a day at both ends; whole days; one afternoon; a period before it all. */
    static final List<Instant[]> PERIODS = List.of(new Instant[] {null, null},
            new Instant[] {BASE.plus(Duration.parse("PT5H17M")), BASE.plus(Duration.parse("P2DT13H"))},
            new Instant[] {BASE.plus(Duration.ofDays(1)), BASE.plus(Duration.ofDays(3))},
            new Instant[] {BASE.plus(Duration.parse("P1DT12H")), BASE.plus(Duration.parse("P1DT18H30M"))},
            new Instant[] {BASE.minus(Duration.ofDays(30)), BASE.minus(Duration.ofDays(2))});

    /** The report as it was, over every row of the period: the oracle. */
    static final String ORACLE = """
            WITH changes AS (
                SELECT manager_id,
                       count(*) FILTER (WHERE skipped_count > 0) AS skips,
                       count(*) FILTER (WHERE direction = 'BACKWARD') AS backward_moves,
                       count(*) FILTER (WHERE catch_up) AS catch_up_moves
                FROM stage_changes
                WHERE generation = :generation AND pipeline_id = :pipelineId
                  AND occurred_at >= :from AND occurred_at < :to
                GROUP BY manager_id),
            facts AS (
                SELECT assignee_id AS manager_id,
                       count(*) FILTER (WHERE kind = 'OVERDUE') AS overdue_tasks,
                       count(*) FILTER (WHERE kind = 'RESCHEDULED') AS reschedules
                FROM task_facts
                WHERE generation = :generation AND pipeline_id = :pipelineId
                  AND occurred_at >= :from AND occurred_at < :to
                GROUP BY assignee_id),
            untasked AS (
                SELECT d.manager_id, count(*) AS deals_without_open_task
                FROM deals d
                WHERE d.generation = :generation AND d.pipeline_id = :pipelineId AND d.status = 'OPEN'
                  AND NOT EXISTS (SELECT 1 FROM tasks t
                                  WHERE t.generation = d.generation AND t.deal_id = d.deal_id
                                    AND t.status = 'OPEN')
                GROUP BY d.manager_id),
            managers AS (
                SELECT manager_id FROM changes UNION SELECT manager_id FROM facts
                UNION SELECT manager_id FROM untasked)
            SELECT m.manager_id, coalesce(c.skips, 0) AS skips,
                   coalesce(c.backward_moves, 0) AS backward_moves,
                   coalesce(c.catch_up_moves, 0) AS catch_up_moves,
                   coalesce(u.deals_without_open_task, 0) AS deals_without_open_task,
                   coalesce(f.overdue_tasks, 0) AS overdue_tasks,
                   coalesce(f.reschedules, 0) AS reschedules
            FROM managers m
            LEFT JOIN changes c ON c.manager_id = m.manager_id
            LEFT JOIN facts f ON f.manager_id = m.manager_id
            LEFT JOIN untasked u ON u.manager_id = m.manager_id
            WHERE :managerId = '' OR m.manager_id = :managerId
            ORDER BY m.manager_id""";

    @LocalServerPort
    int port;
    @Autowired
    DataQualityReport report;
    @Autowired
    Generations generations;
    @Autowired
    DayCounts dayCounts;
    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void topics() {
        EventFeed.ensureTopics();
    }

    @Test
    void theReportEqualsTheQueryOverEveryRowForAnyPeriodBeforeAndAfterARebuild() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String pipelineId = "dq-" + run;
        String retroMarked = run + "-retro";
        try (EventFeed feed = new EventFeed()) {
            Map<String, Duration> stages = new LinkedHashMap<>();
            STAGES.forEach(stage -> stages.put(stage, Duration.ofDays(2)));
            feed.pipeline(pipelineId, 1, null, stages);
            generate(feed, run, pipelineId, new Random(17));

            // a catch-up run whose changes each arrive after the one before was written: the second marks a row of
            // an earlier batch, on the day before its own; the third names the second, marked already, which must
            // not count again
            Instant first = BASE.plus(Duration.parse("P1DT23H55M"));
            feed.open(retroMarked, pipelineId, 1, "m1", "s1", first.minus(Duration.ofHours(2)));
            feed.forward(retroMarked, "s2", first);
            feed.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> count("stage_changes", retroMarked) == 1);
            feed.forward(retroMarked, "s3", first.plus(Duration.ofMinutes(7)));
            feed.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> count("stage_changes", retroMarked) == 2);
            feed.forward(retroMarked, "s4", first.plus(Duration.ofMinutes(12)));
            feed.flush();

            // a task applied before its deal's DealOpened (the topics are independent): the deal has an open task
            String taskFirst = run + "-task-first";
            feed.taskOpened(taskFirst + "-t", taskFirst, pipelineId, "m3", BASE.plus(Duration.ofHours(30)));
            feed.flush();
            await().atMost(Duration.ofSeconds(60)).until(() -> count("tasks", taskFirst) == 1);
            feed.open(taskFirst, pipelineId, 1, "m3", "s1", BASE.plus(Duration.ofHours(30)));
            feed.flush();

            feed.redeliverEverything();
            // after every redelivered record on each partition of both topics: once these are projected, so is
            // every redelivery before them
            List<String> sentinels = sentinels(run);
            for (String sentinel : sentinels) {
                feed.open(sentinel, pipelineId, 1, "m0", "s1", BASE.plus(Duration.ofDays(3)));
                feed.taskOverdue(sentinel + "-t", sentinel, pipelineId, "m0", BASE.plus(Duration.ofDays(3)));
            }
            feed.flush();
            await().atMost(Duration.ofSeconds(90)).until(() -> sentinels.stream().allMatch(this::projected));
        }
        assertThat(jdbc.sql("""
                        SELECT string_agg(catch_up::text, ',' ORDER BY sequence) FROM stage_changes
                        WHERE generation = :generation AND deal_id = :dealId""")
                .param("generation", generations.active()).param("dealId", retroMarked).query(String.class).single())
                .isEqualTo("true,true,true");
        assertThat(jdbc.sql("""
                        SELECT deal_open AND open_tasks = 1 FROM deal_open_tasks
                        WHERE generation = :generation AND deal_id = :dealId""")
                .param("generation", generations.active()).param("dealId", run + "-task-first").query(Boolean.class)
                .single()).isTrue();
        List<DataQualityRow> whole = report.run(generations.active(), filter(pipelineId, null, null, null));
        assertThat(whole).hasSizeGreaterThan(3);
        assertThat(whole.stream().mapToLong(DataQualityRow::skips).sum()).isPositive();
        assertThat(whole.stream().mapToLong(DataQualityRow::backwardMoves).sum()).isPositive();
        assertThat(whole.stream().mapToLong(DataQualityRow::catchUpMoves).sum()).isPositive();
        assertThat(whole.stream().mapToLong(DataQualityRow::dealsWithoutOpenTask).sum()).isPositive();
        assertThat(whole.stream().mapToLong(DataQualityRow::overdueTasks).sum()).isPositive();
        assertThat(whole.stream().mapToLong(DataQualityRow::reschedules).sum()).isPositive();
        assertMatchesOracle(pipelineId);

        dayCounts.compact();
        assertMatchesOracle(pipelineId);

        HttpApi admin = new HttpApi(port).as(DemoClient.DEALFLOW_ADMIN);
        int before = generations.active();
        ApiResponse started = admin.post("/api/v1/admin/projections/rebuild", null);
        assertThat(started.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> assertThat(
                admin.get("/api/v1/admin/projections/rebuild").body().path("state").asString()).isEqualTo("DONE"));
        assertThat(generations.active()).isNotEqualTo(before);
        assertMatchesOracle(pipelineId);
    }

    private void assertMatchesOracle(String pipelineId) {
        int generation = generations.active();
        for (Instant[] period : PERIODS) {
            for (String manager : new String[] {null, "m1", "m3"}) {
                ReportFilter filter = filter(pipelineId, period[0], period[1], manager);
                assertThat(report.run(generation, filter)).as("%s", filter).isEqualTo(oracle(generation, filter));
            }
        }
        assertThat(jdbc.sql("SELECT count(*) FROM quality_day_counts WHERE generation = :generation"
                        + " AND pipeline_id = :pipelineId")
                .param("generation", generation).param("pipelineId", pipelineId).query(Long.class).single())
                .isPositive();
    }

    private List<DataQualityRow> oracle(int generation, ReportFilter filter) {
        return jdbc.sql(ORACLE)
                .param("generation", generation).param("pipelineId", filter.pipelineId())
                .param("from", filter.fromBound()).param("to", filter.toBound())
                .param("managerId", filter.managerOrAll())
                .query((row, n) -> new DataQualityRow(filter.pipelineId(), row.getString("manager_id"),
                        row.getLong("skips"), row.getLong("backward_moves"), row.getLong("catch_up_moves"),
                        row.getLong("deals_without_open_task"), row.getLong("overdue_tasks"),
                        row.getLong("reschedules")))
                .list();
    }

    private static ReportFilter filter(String pipelineId, Instant from, Instant to, String managerId) {
        return new ReportFilter(pipelineId, from, to, managerId);
    }

    /**
     * Deals a few minutes apart with clean forward moves, skips, backward moves, quick catch-up runs (some of them
     * across midnight), reassignments, wins and losses; most get an open task, some of those go overdue or are
     * rescheduled, and the rest of the deals stay without one.
     */
    private static void generate(EventFeed feed, String run, String pipelineId, Random random) {
        for (int i = 0; i < DEALS; i++) {
            String dealId = run + "-" + i;
            String manager = "m" + random.nextInt(5);
            Instant at = BASE.plus(Duration.ofMinutes(11L * i)).plusSeconds(random.nextInt(600));
            feed.open(dealId, pipelineId, 1, manager, STAGES.get(0), at);
            String taskId = dealId + "-t";
            boolean tasked = random.nextInt(3) > 0;
            if (tasked) {
                feed.taskOpened(taskId, dealId, pipelineId, manager, at);
            }
            int stage = 0;
            for (int step = 0; step < 8; step++) {
                at = at.plus(GAPS.get(random.nextInt(GAPS.size())));
                int action = random.nextInt(100);
                if (stage == STAGES.size() - 1 && action < 40) {
                    feed.won(dealId, at);
                    break;
                } else if (action < 6) {
                    feed.lost(dealId, "price", at);
                    break;
                } else if (action < 12) {
                    manager = "m" + random.nextInt(5);
                    feed.reassign(dealId, manager, at);
                } else if (action < 22 && tasked) {
                    if (random.nextBoolean()) {
                        feed.taskOverdue(taskId, dealId, pipelineId, manager, at);
                    } else {
                        feed.taskRescheduled(taskId, dealId, pipelineId, manager, at);
                    }
                } else if (action < 32 && stage > 0) {
                    stage--;
                    feed.backward(dealId, STAGES.get(stage), at);
                } else if (action < 42 && stage < STAGES.size() - 2) {
                    stage += 2;
                    feed.forward(dealId, STAGES.get(stage), at, STAGES.get(stage - 1));
                } else if (stage < STAGES.size() - 1) {
                    stage++;
                    feed.forward(dealId, STAGES.get(stage), at);
                }
            }
        }
    }

    /** One deal id per partition of the deal and task topics (both are keyed by deal id, 3 partitions). */
    private static List<String> sentinels(String run) {
        Map<Integer, String> byPartition = new LinkedHashMap<>();
        for (int i = 0; byPartition.size() < 3; i++) {
            String key = run + "-sentinel-" + i;
            byPartition.putIfAbsent(Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % 3, key);
        }
        return new ArrayList<>(byPartition.values());
    }

    private boolean projected(String dealId) {
        int generation = generations.active();
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM deals WHERE generation = :generation AND deal_id = :dealId)
                           AND EXISTS (SELECT 1 FROM task_facts WHERE generation = :generation AND deal_id = :dealId)""")
                .param("generation", generation).param("dealId", dealId).query(Boolean.class).single();
    }

    private long count(String table, String dealId) {
        return jdbc.sql("SELECT count(*) FROM " + table + " WHERE generation = :generation AND deal_id = :dealId")
                .param("generation", generations.active()).param("dealId", dealId).query(Long.class).single();
    }
}
