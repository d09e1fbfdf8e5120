package io.dealflow.analytics.history;

import io.dealflow.analytics.projection.CatchUpRule;
import io.dealflow.api.deal.DealEvent;
import io.dealflow.api.deal.DealLost;
import io.dealflow.api.deal.DealManagerReassigned;
import io.dealflow.api.deal.DealOpened;
import io.dealflow.api.deal.DealStageChanged;
import io.dealflow.api.deal.DealWon;
import io.dealflow.api.deal.Direction;
import io.dealflow.api.json.PublishedEvent;
import io.dealflow.platform.testing.ApiResponse;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.HttpApi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Property-style: a generated history of thousands of deals (random forward moves, skips, backward moves, quick
 * catch-up runs, reassignments, wins and losses), fed through Kafka twice (every event duplicated), must give
 * the same time-in-stage, conversion, loss reasons and funnel as a straightforward recomputation from the same
 * events; and so must a rebuild. The periods and instants asked for cut through days, so that the day counts and
 * the visits of the partial days must add up exactly.
 */
@DealflowIntegrationTest
class GeneratedHistoryIT {

    static final int DEALS = 2500;
    static final Duration WINDOW = Duration.ofMinutes(10);
    /** The projection's own rule (unit-tested apart): this test checks the tables, not R9's definition. */
    static final CatchUpRule CATCH_UP = new CatchUpRule(WINDOW);
    static final List<String> STAGES = List.of("s1", "s2", "s3", "s4", "s5");
    static final Instant BASE = Instant.parse("2031-01-01T00:00:00Z");
    /** Whole history; a period cutting days at both ends; whole days; one afternoon. */
    static final List<Period> PERIODS = List.of(new Period(null, null),
            new Period(BASE.plus(Duration.parse("P2DT5H17M")), BASE.plus(Duration.parse("P8DT13H"))),
            new Period(BASE.plus(Duration.ofDays(3)), BASE.plus(Duration.ofDays(9))),
            new Period(BASE.plus(Duration.parse("P4DT12H")), BASE.plus(Duration.parse("P4DT18H30M"))));
    static final List<Instant> INSTANTS = List.of(BASE.plus(Duration.parse("P3DT7H")),
            BASE.plus(Duration.parse("P6DT23H59M59S")), BASE.plus(Duration.ofDays(5)), BASE.plus(Duration.ofDays(400)));
    static final List<Duration> GAPS = List.of(Duration.ofMinutes(2), Duration.ofMinutes(9), Duration.ofMinutes(30),
            Duration.ofHours(3), Duration.ofDays(1));

    @LocalServerPort
    int port;

    @BeforeAll
    static void topics() {
        EventFeed.ensureTopics();
    }

    @Test
    void reportsMatchAStraightforwardRecomputationBeforeAndAfterARebuild() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String pipelineId = "gen-" + run;
        List<PublishedEvent<DealEvent>> events = feed(run, pipelineId, new Random(42));
        Expected expected = Expected.from(events);
        HttpApi api = new HttpApi(port).as(DemoClient.DEALFLOW_ADMIN);

        await().atMost(Duration.ofSeconds(90)).ignoreExceptions()
                .untilAsserted(() -> assertMatches(api, pipelineId, expected));

        ApiResponse started = api.post("/api/v1/admin/projections/rebuild", null);
        assertThat(started.status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(
                api.get("/api/v1/admin/projections/rebuild").body().path("state").asString()).isEqualTo("DONE"));
        assertMatches(api, pipelineId, expected);
    }

    private static void assertMatches(HttpApi api, String pipelineId, Expected expected) {
        assertReportsMatch(api, "pipelineId=" + pipelineId, expected);
        for (Period period : PERIODS) {
            for (String manager : new String[] {null, "m1"}) {
                String query = "?pipelineId=" + pipelineId + period.query() + (manager == null ? "" : "&managerId=" + manager);
                List<String> periodConversion = new ArrayList<>();
                api.get("/api/v1/analytics/conversion" + query).body().forEach(row -> periodConversion.add(
                        conversionLine(row)));
                assertThat(periodConversion).as("conversion %s", query)
                        .isEqualTo(expected.conversion(period, manager));
                List<String> losses = new ArrayList<>();
                api.get("/api/v1/analytics/loss-reasons" + query).body().forEach(row -> losses.add(
                        row.path("stageId").asString() + " " + row.path("reasonCode").asString() + " "
                                + row.path("count").asLong()));
                assertThat(losses).as("loss reasons %s", query)
                        .containsExactlyInAnyOrderElementsOf(expected.losses(period, manager));
            }
        }
        for (Instant asOf : INSTANTS) {
            for (String manager : new String[] {null, "m2"}) {
                String query = "?pipelineId=" + pipelineId + "&asOf=" + asOf + (manager == null ? "" : "&managerId=" + manager);
                List<String> funnel = new ArrayList<>();
                api.get("/api/v1/analytics/funnel" + query).body().forEach(row -> funnel.add(
                        row.path("stageId").asString() + " " + row.path("open").asLong()));
                assertThat(funnel).as("funnel %s", query).isEqualTo(expected.funnel(asOf, manager));
            }
        }
    }

    /** @param query the reports' query string, e.g. {@code pipelineId=sales&from=...} */
    static void assertReportsMatch(HttpApi api, String query, Expected expected) {
        List<String> timeInStage = new ArrayList<>();
        api.get("/api/v1/analytics/time-in-stage?" + query).body().forEach(row -> timeInStage.add(
                line(row.path("stageId").asString(), row.path("visits").asLong(), row.path("avgSeconds"),
                        row.path("medianSeconds"), row.path("p90Seconds"), row.path("maxSeconds"),
                        row.path("catchUpVisits").asLong())));
        assertThat(timeInStage).isEqualTo(expected.timeInStage());
        List<String> conversion = new ArrayList<>();
        api.get("/api/v1/analytics/conversion?" + query).body().forEach(row -> conversion.add(conversionLine(row)));
        assertThat(conversion).isEqualTo(expected.conversion());
    }

    private static String conversionLine(JsonNode row) {
        return row.path("managerId").asString() + " " + row.path("stageId").asString() + " "
                + row.path("entered").asLong() + " " + row.path("advanced").asLong() + " "
                + row.path("lost").asLong() + " " + row.path("stillThere").asLong();
    }

    record Period(Instant from, Instant to) {

        String query() {
            return (from == null ? "" : "&from=" + from) + (to == null ? "" : "&to=" + to);
        }

        boolean contains(Instant at) {
            return (from == null || !at.isBefore(from)) && (to == null || at.isBefore(to));
        }
    }

    private static String line(String stage, long visits, JsonNode avg, JsonNode median, JsonNode p90, JsonNode max,
                               long catchUp) {
        return String.format(Locale.ROOT, "%s %d %.3f %.3f %.3f %.3f %d", stage, visits, avg.asDouble(),
                median.asDouble(), p90.asDouble(), max.asDouble(), catchUp);
    }

    private static List<PublishedEvent<DealEvent>> feed(String run, String pipelineId, Random random) {
        try (EventFeed feed = new EventFeed()) {
            Map<String, Duration> stages = new LinkedHashMap<>();
            STAGES.forEach(stage -> stages.put(stage, Duration.ofDays(2)));
            feed.pipeline(pipelineId, 1, null, stages);
            Instant base = BASE;
            for (int i = 0; i < DEALS; i++) {
                String dealId = run + "-" + i;
                Instant at = base.plus(Duration.ofMinutes(7L * i));
                int stage = 0;
                feed.open(dealId, pipelineId, 1, "m" + random.nextInt(4), STAGES.get(0), at);
                for (int step = 0; step < 8; step++) {
                    at = at.plus(GAPS.get(random.nextInt(GAPS.size())));
                    int action = random.nextInt(100);
                    if (stage == STAGES.size() - 1 && action < 40) {
                        feed.won(dealId, at);
                        break;
                    } else if (action < 10) {
                        feed.lost(dealId, random.nextBoolean() ? "price" : "silent", at);
                        break;
                    } else if (action < 15) {
                        feed.reassign(dealId, "m" + random.nextInt(4), at);
                    } else if (action < 25 && stage > 0) {
                        stage--;
                        feed.backward(dealId, STAGES.get(stage), at);
                    } else if (action < 35 && stage < STAGES.size() - 2) {
                        stage += 2;
                        feed.forward(dealId, STAGES.get(stage), at, STAGES.get(stage - 1));
                    } else if (stage < STAGES.size() - 1) {
                        stage++;
                        feed.forward(dealId, STAGES.get(stage), at);
                    }
                }
            }
            feed.flush();
            feed.redeliverEverything();
            return feed.dealEvents();
        }
    }

    /** The definitions of DESIGN §4 applied one deal at a time, in memory, without SQL. */
    record Expected(List<String> timeInStage, List<String> conversion, Map<String, List<Visit>> visitsByDeal) {

        static Expected from(List<PublishedEvent<DealEvent>> events) {
            return from(events, STAGES);
        }

        /** @param stages the pipeline's stages in order, the order the reports list them in */
        static Expected from(List<PublishedEvent<DealEvent>> events, List<String> stages) {
            Map<String, List<Visit>> visitsByDeal = new LinkedHashMap<>();
            Map<String, String> manager = new HashMap<>();
            Map<String, Instant> lastChangeAt = new HashMap<>();
            Map<String, Direction> lastChangeDirection = new HashMap<>();
            for (PublishedEvent<DealEvent> published : events) {
                DealEvent event = published.event();
                Instant at = published.occurredAt();
                List<Visit> visits = visitsByDeal.computeIfAbsent(event.dealId(), id -> new ArrayList<>());
                Visit current = visits.isEmpty() ? null : visits.get(visits.size() - 1);
                if (event instanceof DealOpened opened) {
                    manager.put(opened.dealId(), opened.managerId());
                    visits.add(new Visit(opened.stageId(), at));
                } else if (event instanceof DealManagerReassigned reassigned) {
                    manager.put(reassigned.dealId(), reassigned.toManagerId());
                } else if (event instanceof DealStageChanged changed) {
                    current.end(at, changed.direction().name(), manager.get(event.dealId()));
                    Instant previousAt = lastChangeAt.get(event.dealId());
                    if (CATCH_UP.continuesRun(previousAt, lastChangeDirection.get(event.dealId()),
                            changed.direction(), at)) {
                        visits.get(visits.size() - 2).catchUp = true;
                        current.catchUp = true;
                    }
                    lastChangeAt.put(event.dealId(), at);
                    lastChangeDirection.put(event.dealId(), changed.direction());
                    visits.add(new Visit(changed.toStageId(), at));
                } else if (event instanceof DealWon) {
                    current.end(at, "WON", manager.get(event.dealId()));
                } else if (event instanceof DealLost lost) {
                    current.end(at, "LOST", manager.get(event.dealId()));
                    current.lossReason = lost.reasonCode();
                }
            }
            visitsByDeal.forEach((deal, visits) -> visits.stream().filter(visit -> visit.exitKind == null)
                    .forEach(visit -> visit.manager = manager.get(deal)));

            Map<String, List<Double>> seconds = new TreeMap<>();
            Map<String, Long> catchUps = new TreeMap<>();
            Map<String, long[]> conversion = new TreeMap<>();
            for (List<Visit> visits : visitsByDeal.values()) {
                Map<String, List<Visit>> byStage = new LinkedHashMap<>();
                for (Visit visit : visits) {
                    byStage.computeIfAbsent(visit.stage, stage -> new ArrayList<>()).add(visit);
                    if (visit.exitKind == null) {
                        continue;
                    }
                    if (visit.catchUp) {
                        catchUps.merge(visit.stage, 1L, Long::sum);
                        seconds.computeIfAbsent(visit.stage, stage -> new ArrayList<>());
                    } else {
                        seconds.computeIfAbsent(visit.stage, stage -> new ArrayList<>())
                                .add(Duration.between(visit.enteredAt, visit.exitedAt).toSeconds() * 1.0);
                    }
                }
                byStage.forEach((stage, stageVisits) -> {
                    Visit last = stageVisits.get(stageVisits.size() - 1);
                    long[] counts = conversion.computeIfAbsent(last.manager + " " + stage, key -> new long[4]);
                    counts[0]++;
                    counts[1] += stageVisits.stream().anyMatch(v -> "FORWARD".equals(v.exitKind)
                            || "WON".equals(v.exitKind)) ? 1 : 0;
                    counts[2] += stageVisits.stream().anyMatch(v -> "LOST".equals(v.exitKind)) ? 1 : 0;
                    counts[3] += last.exitKind == null ? 1 : 0;
                });
            }
            List<String> timeInStage = stages.stream().filter(seconds::containsKey).map(stage -> {
                List<Double> values = seconds.get(stage).stream().sorted().toList();
                return String.format(Locale.ROOT, "%s %d %.3f %.3f %.3f %.3f %d", stage, values.size(),
                        values.stream().mapToDouble(Double::doubleValue).average().orElse(0),
                        percentile(values, 0.5), percentile(values, 0.9),
                        values.isEmpty() ? 0 : values.get(values.size() - 1), catchUps.getOrDefault(stage, 0L));
            }).toList();
            List<String> conversionLines = new ArrayList<>();
            conversion.entrySet().stream()
                    .sorted((a, b) -> {
                        String[] left = a.getKey().split(" ");
                        String[] right = b.getKey().split(" ");
                        int byManager = left[0].compareTo(right[0]);
                        return byManager != 0 ? byManager
                                : Integer.compare(stages.indexOf(left[1]), stages.indexOf(right[1]));
                    })
                    .forEach(entry -> conversionLines.add(entry.getKey() + " " + entry.getValue()[0] + " "
                            + entry.getValue()[1] + " " + entry.getValue()[2] + " " + entry.getValue()[3]));
            return new Expected(timeInStage, conversionLines, visitsByDeal);
        }

        /** Conversion over the visits that started in the period, a deal once per stage. */
        List<String> conversion(Period period, String managerId) {
            Map<String, long[]> counts = new TreeMap<>();
            for (List<Visit> visits : visitsByDeal.values()) {
                Map<String, List<Visit>> byStage = new LinkedHashMap<>();
                visits.stream().filter(visit -> period.contains(visit.enteredAt))
                        .forEach(visit -> byStage.computeIfAbsent(visit.stage, stage -> new ArrayList<>()).add(visit));
                byStage.forEach((stage, stageVisits) -> {
                    Visit last = stageVisits.get(stageVisits.size() - 1);
                    if (managerId != null && !managerId.equals(last.manager)) {
                        return;
                    }
                    long[] row = counts.computeIfAbsent(last.manager + " " + stage, key -> new long[4]);
                    row[0]++;
                    row[1] += stageVisits.stream().anyMatch(v -> "FORWARD".equals(v.exitKind)
                            || "WON".equals(v.exitKind)) ? 1 : 0;
                    row[2] += stageVisits.stream().anyMatch(v -> "LOST".equals(v.exitKind)) ? 1 : 0;
                    row[3] += last.exitKind == null ? 1 : 0;
                });
            }
            return counts.entrySet().stream()
                    .sorted(Comparator.comparing((Map.Entry<String, long[]> entry) -> entry.getKey().split(" ")[0])
                            .thenComparingInt(entry -> STAGES.indexOf(entry.getKey().split(" ")[1])))
                    .map(entry -> entry.getKey() + " " + entry.getValue()[0] + " " + entry.getValue()[1] + " "
                            + entry.getValue()[2] + " " + entry.getValue()[3])
                    .toList();
        }

        /** Deals lost in the period, per stage and reason. */
        List<String> losses(Period period, String managerId) {
            Map<String, Long> counts = new TreeMap<>();
            visitsByDeal.values().stream().flatMap(List::stream)
                    .filter(visit -> "LOST".equals(visit.exitKind) && period.contains(visit.exitedAt))
                    .filter(visit -> managerId == null || managerId.equals(visit.manager))
                    .forEach(visit -> counts.merge(visit.stage + " " + visit.lossReason, 1L, Long::sum));
            return counts.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue()).toList();
        }

        /** Every stage with the deals whose visit there covers the instant. */
        List<String> funnel(Instant asOf, String managerId) {
            return STAGES.stream().map(stage -> stage + " " + visitsByDeal.values().stream().flatMap(List::stream)
                    .filter(visit -> visit.stage.equals(stage) && !visit.enteredAt.isAfter(asOf)
                            && (visit.exitedAt == null || visit.exitedAt.isAfter(asOf)))
                    .filter(visit -> managerId == null || managerId.equals(visit.manager))
                    .count()).toList();
        }

        /** PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks. */
        static double percentile(List<Double> sorted, double fraction) {
            if (sorted.isEmpty()) {
                return 0;
            }
            double position = fraction * (sorted.size() - 1);
            int lower = (int) Math.floor(position);
            int upper = (int) Math.ceil(position);
            return sorted.get(lower) + (position - lower) * (sorted.get(upper) - sorted.get(lower));
        }
    }

    static final class Visit {
        final String stage;
        final Instant enteredAt;
        Instant exitedAt;
        String exitKind;
        String manager;
        boolean catchUp;
        String lossReason;

        Visit(String stage, Instant enteredAt) {
            this.stage = stage;
            this.enteredAt = enteredAt;
        }

        void end(Instant at, String kind, String managerThen) {
            exitedAt = at;
            exitKind = kind;
            manager = managerThen;
        }
    }
}
