package io.dealflow.analytics.history;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.testing.ApiResponse;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A scripted history (two dozen deals, three managers, skips, backward moves, a catch-up run, a reassignment,
 * losses with reasons, a handoff, an older pipeline version, duplicates) fed through real Kafka into real
 * PostgreSQL, checked against answers computed by hand in the comments. Then a rebuild must give the same answers.
 */
@DealflowIntegrationTest
@Import(ScriptedHistoryIT.FixedNow.class)
class ScriptedHistoryIT {

    static final Instant T0 = Instant.parse("2030-03-01T00:00:00Z");
    static final Instant NOW = T0.plus(Duration.ofDays(10));
    static final Duration WAIT = Duration.ofSeconds(60);

    @TestConfiguration
    static class FixedNow {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @LocalServerPort
    int port;

    static final String RUN = UUID.randomUUID().toString().substring(0, 8);
    static final String P = "p-" + RUN;
    static final String Q = "q-" + RUN;
    static boolean fed;
    HttpApi api;

    @BeforeAll
    static void topics() {
        EventFeed.ensureTopics();
    }

    @BeforeEach
    void feedOnce() {
        api = new HttpApi(port).as(DemoClient.SALES_HEAD);
        if (!fed) {
            feedHistory();
            fed = true;
        }
        // the last events of every stream have arrived when these show
        await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> {
            assertThat(rows("/cycle-time?pipelineId=" + P)).hasSize(1);
            assertThat(rows("/funnel?pipelineId=" + P).toString()).contains("\"open\":6");
            assertThat(row(rows("/data-quality?pipelineId=" + P), "managerId", "vera").path("reschedules").asLong())
                    .isEqualTo(2);
        });
    }

    static String deal(String name) {
        return RUN + "-" + name;
    }

    static Instant at(double hours) {
        return T0.plus(Duration.ofSeconds(Math.round(hours * 3600)));
    }

    private void feedHistory() {
        try (EventFeed feed = new EventFeed()) {
            Map<String, Duration> v1 = new LinkedHashMap<>();
            v1.put("s1", Duration.ofHours(1));
            v1.put("legacy", Duration.ofDays(1));
            feed.pipeline(P, 1, Q, v1);
            Map<String, Duration> v2 = new LinkedHashMap<>();
            v2.put("s1", Duration.ofHours(1));
            v2.put("s2", Duration.ofDays(1));
            v2.put("s3", Duration.ofDays(2));
            v2.put("s4", Duration.ofDays(7));
            feed.pipeline(P, 2, Q, v2);
            Map<String, Duration> q = new LinkedHashMap<>();
            q.put("q1", Duration.ofDays(1));
            q.put("q2", Duration.ofDays(1));
            feed.pipeline(Q, 1, null, q);

            // F (anna), under version 1, ten days before: s1 1h, legacy 2h, lost "price" there
            feed.open(deal("f0"), P, 1, "anna", "s1", at(-240));
            feed.forward(deal("f0"), "legacy", at(-239));
            feed.lost(deal("f0"), "price", at(-237));

            // A (anna) x10, opened hourly: s1 2h, s2 10h, s3 5h then lost: 6 "price", 4 "silent"
            for (int i = 0; i < 10; i++) {
                String id = deal("a" + i);
                feed.open(id, P, 2, "anna", "s1", at(i));
                feed.forward(id, "s2", at(i + 2));
                feed.forward(id, "s3", at(i + 12));
                feed.lost(id, i < 6 ? "price" : "silent", at(i + 17));
            }
            // B (boris) x6, opened hourly: s1 (i+1)h, skip s2 into s3, s3 1 day, s4 2 days, won
            for (int i = 0; i < 6; i++) {
                String id = deal("b" + i);
                feed.open(id, P, 2, "boris", "s1", at(i));
                feed.forward(id, "s3", at(i + i + 1), "s2");
                feed.forward(id, "s4", at(i + i + 1 + 24));
                feed.won(id, at(i + i + 1 + 72));
            }
            // b0 handed to Q (vera): opened 1h after the win, q1 1 day, q2 1 day, won at T0+122h
            feed.open(deal("q0"), Q, 1, "vera", "q1", at(74), deal("b0"), "boris");
            feed.forward(deal("q0"), "q2", at(98));
            feed.won(deal("q0"), at(122));
            // C (vera) x4 at T0+20h: s1 1h, s2 2h, back to s1 3h, s2 again (still there)
            for (int i = 0; i < 4; i++) {
                String id = deal("c" + i);
                feed.open(id, P, 2, "vera", "s1", at(20));
                feed.forward(id, "s2", at(21));
                feed.backward(id, "s1", at(23));
                feed.forward(id, "s2", at(26));
                feed.taskOpened(RUN + "-task-c" + i, id, P, "vera", at(26));
            }
            feed.taskOverdue(RUN + "-task-c0", deal("c0"), P, "vera", at(30));
            feed.taskRescheduled(RUN + "-task-c1", deal("c1"), P, "vera", at(31));
            feed.taskRescheduled(RUN + "-task-c1", deal("c1"), P, "vera", at(32));
            // D (boris) catch-up run at T0+54h: s1 1 day, then s2 3 min, s3 4 min, s4 (still there)
            feed.open(deal("d0"), P, 2, "boris", "s1", at(30));
            feed.forward(deal("d0"), "s2", at(54));
            feed.forward(deal("d0"), "s3", at(54).plus(Duration.ofMinutes(3)));
            feed.forward(deal("d0"), "s4", at(54).plus(Duration.ofMinutes(7)));
            // E opened by anna, reassigned to vera, s1 2h, s2 1h lost "other"
            feed.open(deal("e0"), P, 2, "anna", "s1", at(40));
            feed.reassign(deal("e0"), "vera", at(41));
            feed.forward(deal("e0"), "s2", at(42));
            feed.lost(deal("e0"), "other", at(43));
            // G (vera) x6, opened two hours before now, still in s1
            for (int i = 0; i < 6; i++) {
                feed.open(deal("g" + i), P, 2, "vera", "s1", NOW.minus(Duration.ofHours(2)));
            }
            feed.flush();
            feed.redeliverEverything();
        }
    }

    @Test
    void timeInStageExcludesCatchUpVisitsAndSkippedStagesAndKeepsOldVersionsApart() {
        // s1 (v2): 25 finished visits: 3600 x5 (b0, c x4), 7200 x12 (a x10, b1, e0), 10800 x5 (b2, c x4), 14400,
        //   18000, 21600; sum 212400 -> avg 8496; median = 13th = 7200; p90 at 21.6 -> 10800 + 0.6 * 3600 = 12960;
        //   d0's day in s1 ended by the catch-up run: excluded, counted apart
        // s2: 3600 (e0), 7200 x4 (c, backward), 36000 x10 (a); b skipped it; d0's 3 min are catch-up
        // s3: 18000 x10 (a, lost), 86400 x6 (b); d0's 4 min are catch-up. s4: 172800 x6 (b, won); d0 open
        assertThat(lines(rows("/time-in-stage?pipelineId=" + P), this::timeInStage)).containsExactly(
                "v1 s1 1 3600.0 3600.0 3600.0 3600.0 0",
                "v1 legacy 1 7200.0 7200.0 7200.0 7200.0 0",
                "v2 s1 25 8496.0 7200.0 12960.0 21600.0 1",
                "v2 s2 15 26160.0 36000.0 36000.0 36000.0 1",
                "v2 s3 16 43650.0 18000.0 86400.0 86400.0 1",
                "v2 s4 6 172800.0 172800.0 172800.0 172800.0 0");
        // boris in s1: 3600..21600 by 3600 -> avg 12600, median 12600, p90 at 4.5 -> 19800
        assertThat(lines(rows("/time-in-stage?pipelineId=" + P + "&managerId=boris"), this::timeInStage))
                .contains("v2 s1 6 12600.0 12600.0 19800.0 21600.0 1");
        // visits that ended in [T0+2h, T0+3h): a0 (s1, 7200) and b0? no, b0 left s1 at 1h; b1 (s1, 7200) at 3h is out
        assertThat(lines(rows("/time-in-stage?pipelineId=" + P + "&from=" + at(2) + "&to=" + at(3)),
                this::timeInStage)).containsExactly("v2 s1 1 7200.0 7200.0 7200.0 7200.0 0");
    }

    @Test
    void conversionCountsEachDealOncePerStageUnderTheManagerOfItsLastVisit() {
        // e0 was anna's but reassigned before it left s1: vera's. c re-entered s2 after a backward move: once.
        // b0 handed to Q is won for boris here; q0 is vera's deal in Q.
        assertThat(lines(rows("/conversion?pipelineId=" + P), this::conversion)).containsExactly(
                "anna v1 s1 1 1 0 0 1.000",
                "anna v1 legacy 1 0 1 0 0.000",
                "anna v2 s1 10 10 0 0 1.000",
                "anna v2 s2 10 10 0 0 1.000",
                "anna v2 s3 10 0 10 0 0.000",
                "boris v2 s1 7 7 0 0 1.000",
                "boris v2 s2 1 1 0 0 1.000",
                "boris v2 s3 7 7 0 0 1.000",
                "boris v2 s4 7 6 0 1 0.857",
                "vera v2 s1 11 5 0 6 0.455",
                "vera v2 s2 5 0 1 4 0.000");
        assertThat(lines(rows("/conversion?pipelineId=" + Q), this::conversion)).containsExactly(
                "vera v1 q1 1 1 0 0 1.000", "vera v1 q2 1 1 0 0 1.000");
        // visits that started in [T0+20h, T0+22h): a8, a9 entered s3 at 20h and 21h (then lost there); c x4
        // entered s1 at 20h and s2 at 21h (that visit ended backward; the re-entry at 26h is outside)
        assertThat(lines(rows("/conversion?pipelineId=" + P + "&from=" + at(20) + "&to=" + at(22)),
                this::conversion)).containsExactly("anna v2 s3 2 0 2 0 0.000", "vera v2 s1 4 4 0 0 1.000",
                "vera v2 s2 4 0 0 0 0.000");
    }

    @Test
    void lossReasonsAreCountedPerStageWithTheirShareOfTheStagesLosses() {
        assertThat(lines(rows("/loss-reasons?pipelineId=" + P), this::lossReason)).containsExactly(
                "v1 legacy price 1 1.000",
                "v2 s2 other 1 1.000",
                "v2 s3 price 6 0.600",
                "v2 s3 silent 4 0.400");
        assertThat(lines(rows("/loss-reasons?pipelineId=" + P + "&managerId=vera"), this::lossReason))
                .containsExactly("v2 s2 other 1 1.000");
    }

    @Test
    void theFunnelShowsOpenDealsPerStageNowAndAtAPastInstant() {
        // now: g x6 in s1, c x4 in s2, d0 in s4
        assertThat(lines(rows("/funnel?pipelineId=" + P), this::funnel))
                .containsExactly("v2 s1 6", "v2 s2 4", "v2 s3 0", "v2 s4 1");
        // T0+1.5h: a0, a1, b1 in s1; b0 in s3 (skipped s2 at 1h)
        assertThat(lines(rows("/funnel?pipelineId=" + P + "&asOf=" + at(1.5)), this::funnel))
                .containsExactly("v2 s1 3", "v2 s2 0", "v2 s3 1", "v2 s4 0");
    }

    @Test
    void stuckDealsAreOpenDealsPastTheirStagesSlaOldestFirst() {
        // c in s2 since 26h (SLA 1 day): 214h in stage; d0 in s4 since 54h07m (SLA 7 days): 185h53m; g 2h in s1
        List<String> stuck = lines(rows("/stuck-deals?pipelineId=" + P), row -> row.path("dealId").asString()
                .substring(RUN.length() + 1) + " " + row.path("stageId").asString() + " "
                + row.path("secondsInStage").asLong() + " " + row.path("secondsOverSla").asLong());
        assertThat(stuck).containsExactly(
                "c0 s2 770400 684000", "c1 s2 770400 684000", "c2 s2 770400 684000", "c3 s2 770400 684000",
                "d0 s4 669180 64380",
                "g0 s1 7200 3600", "g1 s1 7200 3600", "g2 s1 7200 3600", "g3 s1 7200 3600", "g4 s1 7200 3600",
                "g5 s1 7200 3600");
        assertThat(rows("/stuck-deals?pipelineId=" + P + "&managerId=boris")).hasSize(1);
    }

    @Test
    void dataQualityCountsSkipsBackwardAndCatchUpMovesAndTaskDisciplinePerManager() {
        // boris: 6 skips (b), 3 catch-up moves (d0), d0 has no open task; vera: 4 backward moves (c), g x6 without
        // a task, c0's task overdue once, c1's rescheduled twice; anna: clean
        assertThat(lines(rows("/data-quality?pipelineId=" + P), row -> row.path("managerId").asString() + " "
                + row.path("skips").asLong() + " " + row.path("backwardMoves").asLong() + " "
                + row.path("catchUpMoves").asLong() + " " + row.path("dealsWithoutOpenTask").asLong() + " "
                + row.path("overdueTasks").asLong() + " " + row.path("reschedules").asLong()))
                .containsExactly("anna 0 0 0 0 0 0", "boris 6 0 3 1 0 0", "vera 0 4 0 6 1 2");
    }

    @Test
    void cycleTimeRunsFromTheFirstPipelinesOpeningToTheLastPipelinesOutcome() {
        JsonNode lineage = rows("/cycle-time?pipelineId=" + P).get(0);
        assertThat(lineage.path("originDealId").asString()).isEqualTo(deal("b0"));
        assertThat(lineage.path("lastDealId").asString()).isEqualTo(deal("q0"));
        assertThat(lineage.path("managerId").asString()).isEqualTo("boris");
        assertThat(lineage.path("outcome").asString()).isEqualTo("WON");
        assertThat(lineage.path("pipelines").toString()).isEqualTo("[\"" + P + "\",\"" + Q + "\"]");
        assertThat(lineage.path("seconds").asLong()).isEqualTo(122 * 3600);
        assertThat(rows("/cycle-time?pipelineId=" + Q)).isEmpty();
    }

    @Test
    void csvHasTheSameColumnsAsJson() {
        ApiResponse csv = api.call(HttpMethod.GET, "/api/v1/analytics/loss-reasons?pipelineId=" + P, null,
                headers -> headers.set("Accept", "text/csv"));
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body().asString().split("\r\n")).containsExactly(
                "pipelineId,stageId,reasonCode,count,share,pipelineVersion",
                P + ",legacy,price,1,1.0,1",
                P + ",s2,other,1,1.0,2",
                P + ",s3,price,6,0.6,2",
                P + ",s3,silent,4,0.4,2");
    }

    @Test
    void badQueriesAreProblems() {
        ApiResponse unknown = api.get("/api/v1/analytics/time-in-stage?pipelineId=no-such-" + RUN);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.problemType()).isEqualTo(ProblemTypes.PIPELINE_NOT_FOUND);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        // the whole answer, every member as rendered, so that a change of how it is raised cannot change it
        assertThat(unknown.body().toString()).isEqualTo(
                "{\"detail\":\"No pipeline 'no-such-" + RUN + "' is known to analytics; check the id.\","
                        + "\"instance\":\"/api/v1/analytics/time-in-stage\",\"status\":404,"
                        + "\"title\":\"Pipeline not found\","
                        + "\"type\":\"https://dealflow.io/problems/pipeline-not-found\"}");
        ApiResponse badDate = api.get("/api/v1/analytics/conversion?pipelineId=" + P + "&from=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().path("errors").toString()).contains("from");
        ApiResponse reversed = api.get("/api/v1/analytics/loss-reasons?pipelineId=" + P
                + "&from=2030-03-02&to=2030-03-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.problemType()).isEqualTo(ProblemTypes.INVALID_REQUEST);
        assertThat(api.get("/api/v1/analytics/funnel").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/analytics/funnel?pipelineId=" + P + "&asOf=soon").status()).isEqualTo(400);
    }

    @Test
    void aRebuildReplaysEverythingAndAnswersExactlyAsBefore() {
        List<String> reports = List.of("/time-in-stage?pipelineId=" + P, "/conversion?pipelineId=" + P,
                "/loss-reasons?pipelineId=" + P, "/funnel?pipelineId=" + P, "/stuck-deals?pipelineId=" + P,
                "/data-quality?pipelineId=" + P, "/cycle-time?pipelineId=" + P, "/conversion?pipelineId=" + Q);
        List<String> before = reports.stream().map(path -> rows(path).toString()).toList();
        // a rebuild is an admin's: it replays every department's history
        HttpApi admin = api.as(DemoClient.DEALFLOW_ADMIN);
        int generation = admin.get("/api/v1/admin/projections/rebuild").body().path("activeGeneration").asInt();

        ApiResponse started = admin.post("/api/v1/admin/projections/rebuild", null);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.body().path("targetGeneration").asInt()).isEqualTo(generation + 1);

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode status = admin.get("/api/v1/admin/projections/rebuild").body();
            assertThat(status.path("state").asString()).isEqualTo("DONE");
            assertThat(status.path("activeGeneration").asInt()).isEqualTo(generation + 1);
            assertThat(status.path("eventsReplayed").asLong()).isEqualTo(status.path("eventsToReplay").asLong());
        });
        assertThat(reports.stream().map(path -> rows(path).toString()).toList()).isEqualTo(before);
    }

    private JsonNode rows(String path) {
        ApiResponse response = api.get("/api/v1/analytics" + path);
        assertThat(response.status()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static JsonNode row(JsonNode rows, String field, String value) {
        for (JsonNode row : rows) {
            if (row.path(field).asString().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("No row with " + field + "=" + value + " in " + rows);
    }

    private static List<String> lines(JsonNode rows, Function<JsonNode, String> line) {
        List<String> lines = new ArrayList<>();
        rows.forEach(row -> lines.add(line.apply(row)));
        return lines;
    }

    private String timeInStage(JsonNode row) {
        return "v" + row.path("pipelineVersion").asInt() + " " + row.path("stageId").asString() + " "
                + row.path("visits").asLong() + " " + row.path("avgSeconds").asDouble() + " "
                + row.path("medianSeconds").asDouble() + " " + row.path("p90Seconds").asDouble() + " "
                + row.path("maxSeconds").asDouble() + " " + row.path("catchUpVisits").asLong();
    }

    private String conversion(JsonNode row) {
        return row.path("managerId").asString() + " v" + row.path("pipelineVersion").asInt() + " "
                + row.path("stageId").asString() + " " + row.path("entered").asLong() + " "
                + row.path("advanced").asLong() + " " + row.path("lost").asLong() + " "
                + row.path("stillThere").asLong() + " "
                + String.format(Locale.ROOT, "%.3f", row.path("rate").asDouble());
    }

    private String lossReason(JsonNode row) {
        return "v" + row.path("pipelineVersion").asInt() + " " + row.path("stageId").asString() + " "
                + row.path("reasonCode").asString() + " " + row.path("count").asLong() + " "
                + String.format(Locale.ROOT, "%.3f", row.path("share").asDouble());
    }

    private String funnel(JsonNode row) {
        return "v" + row.path("pipelineVersion").asInt() + " " + row.path("stageId").asString() + " "
                + row.path("open").asLong();
    }
}
