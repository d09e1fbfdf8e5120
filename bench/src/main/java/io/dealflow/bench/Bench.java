package io.dealflow.bench;

import io.dealflow.api.Topics;
import io.dealflow.bench.baseline.KafkaProducerBaseline;
import io.dealflow.bench.baseline.PostgresInsertBaseline;
import io.dealflow.bench.config.BenchConfig;
import io.dealflow.bench.config.Scenario;
import io.dealflow.bench.config.Settings;
import io.dealflow.bench.config.Target;
import io.dealflow.bench.lag.LagProbe;
import io.dealflow.bench.load.FixedRateSimulation;
import io.dealflow.bench.load.GatlingRun;
import io.dealflow.bench.load.LoadPlan;
import io.dealflow.bench.load.MixedSimulation;
import io.dealflow.bench.load.MoveSimulation;
import io.dealflow.bench.load.OpenSimulation;
import io.dealflow.bench.measure.Latencies;
import io.dealflow.bench.measure.PerSecond;
import io.dealflow.bench.pipeline.BenchPipeline;
import io.dealflow.bench.imports.HistoryFile;
import io.dealflow.bench.imports.HistoryImport;
import io.dealflow.bench.replay.ProjectionRebuild;
import io.dealflow.bench.rest.Rest;
import io.dealflow.bench.results.Baselines;
import io.dealflow.bench.results.Figure;
import io.dealflow.bench.results.Machine;
import io.dealflow.bench.results.Results;
import io.dealflow.bench.results.ResultsFiles;
import io.dealflow.bench.results.Targets;
import io.dealflow.bench.rss.SystemRss;
import io.dealflow.bench.scale.ConsumerGroupLag;
import io.dealflow.bench.scale.HistoryGenerator;
import io.dealflow.bench.scale.ReportLatencies;
import io.gatling.javaapi.core.Simulation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.ToDoubleFunction;

/**
 * One bench run against a running Dealflow: the selected scenarios in a fixed order (raw baselines first, since
 * every ratio needs them), each failure kept in the results instead of ending the run, the system's RSS sampled
 * throughout. {@link #main} writes the results files; the smoke test calls {@link #run} and checks the figures.
 */
public final class Bench {

    private static final String TASK_CONSUMER = "task-service";
    private static final String ANALYTICS_DEAL_CONSUMER = "analytics-deals-g";
    private static final Ratio NOT_MEASURED = new Ratio("not measured (no raw baseline for it in this run)", 0);

    private final BenchConfig config;
    private final Target target;
    private final Rest rest;
    private final Baselines baselines = new Baselines();
    private final List<Figure> figures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private List<PerSecond.Row> perSecond = List.of();
    private BenchPipeline pipeline;

    public Bench(BenchConfig config) {
        this.config = config;
        this.target = config.target();
        this.rest = new Rest(target.clients().admin());
    }

    public static void main(String[] args) throws Exception {
        BenchConfig config = BenchConfig.from(new Settings(Map.of()));
        Results results = new Bench(config).run();
        for (Path file : ResultsFiles.write(results, config.resultsDir())) {
            System.out.println("Bench results: " + file.toAbsolutePath());
        }
        System.out.println("Gatling reports: " + config.gatlingDir().toAbsolutePath());
        if (!results.failures().isEmpty()) {
            System.err.println("Scenarios that failed: " + results.failures());
        }
        // Gatling and the Kafka clients leave non-daemon threads behind; the run is over
        System.exit(results.failures().isEmpty() ? 0 : 1);
    }

    public Results run() throws InterruptedException {
        Instant started = Instant.now();
        Optional<SystemRss> rss = SystemRss.start(config.rssPid(), target.dealPort());
        try {
            notes.add(settings());
            pipeline = BenchPipeline.define(rest, target.dealUrl(), config.pipelineId());
            notes.add("pipeline '" + pipeline.id() + "' version " + pipeline.version() + " (12 stages, STRICT, "
                    + "no required fields, no handoff), defined through deal-service's REST API");
            attempt(Scenario.BASELINE, this::baselines);
            attempt(Scenario.OPEN, () -> closedLoop(Scenario.OPEN, OpenSimulation.class, OpenSimulation.METRIC));
            attempt(Scenario.MOVE, () -> closedLoop(Scenario.MOVE, MoveSimulation.class, MoveSimulation.METRIC));
            attempt(Scenario.MIXED, () -> closedLoop(Scenario.MIXED, MixedSimulation.class, MixedSimulation.METRIC));
            attempt(Scenario.FIXED, this::fixedRate);
            attempt(Scenario.LAG, this::lag);
            attempt(Scenario.SCALE, this::scale);
            boolean replayFollows = config.runs(Scenario.REPLAY) && !config.runs(Scenario.SCALE);
            attempt(Scenario.REPORTS, () -> heldReports(replayFollows ? "before rebuild" : "now"));
            if (!config.runs(Scenario.SCALE)) {
                attempt(Scenario.REPLAY, () -> replay("replay"));
                if (replayFollows && config.runs(Scenario.REPORTS)) {
                    attempt(Scenario.REPORTS, () -> heldReports("after rebuild"));
                }
            }
            attempt(Scenario.IMPORT, this::importHistory);
        } catch (RuntimeException e) {
            failures.add("setup: " + e);
        } finally {
            rss.ifPresent(sampler -> {
                try {
                    sampler.close();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        rss.ifPresentOrElse(sampler -> figures.add(new Figure("system", "max RSS, launcher + services (pid "
                                + sampler.pid() + " and children), sampled every second", null,
                        sampler.maxBytes() / 1e9, "GB", "≤ " + Targets.RSS_GB + " GB",
                        sampler.maxBytes() / 1e9 <= Targets.RSS_GB, "—", null, sampler.samples(), 0, null)),
                () -> figures.add(Figure.skipped("system", "RSS not measured: no launcher for deal-service port "
                        + target.dealPort() + " on this machine")));
        return new Results(started, Instant.now(), Machine.current(), target.dealUrl() + ", " + target.taskUrl()
                + ", " + target.analyticsUrl() + ", Kafka " + target.kafka() + ", databases " + target.dbPrefix()
                + "_*", config.scenarios().stream().map(Scenario::id).toList(), notes, figures, perSecond, failures);
    }

    /** What this run was asked for, so a table from a shortened run cannot pass for a full one. */
    private String settings() {
        return String.format(Locale.ROOT, "settings: connections %s; closed-loop runs %ss each (%d deals per user "
                        + "for move/mixed); fixed rate %.0f/s for %ss; lag %.0f/s for %ss, 1 command in %d followed; "
                        + "baselines %ss each; scale %,d deals, %d requests per report",
                config.connections(), config.duration().toSeconds(), config.dealsPerUser(), config.fixedRate(),
                config.fixedDuration().toSeconds(), config.lagRate(), config.lagDuration().toSeconds(),
                config.lagSampleEvery(), config.baselineDuration().toSeconds(), config.scaleDeals(),
                config.reportRequests());
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs a selected scenario; one that throws is recorded as failed and the run goes on with the next. */
    private void attempt(Scenario scenario, Step step) throws InterruptedException {
        if (!config.runs(scenario)) {
            figures.add(Figure.skipped(scenario.id(), "skipped: not selected (bench.scenarios)"));
            return;
        }
        System.out.println("[bench] " + scenario.id() + " ...");
        try {
            step.run();
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) {
            failures.add(scenario.id() + ": " + e);
            figures.add(Figure.skipped(scenario.id(), "FAILED: " + e));
            e.printStackTrace();
        }
    }

    private void baselines() throws Exception {
        PostgresInsertBaseline inserts = new PostgresInsertBaseline(target, config.baselineDatabase());
        for (int connections : config.baselineConnections()) {
            Latencies.Summary summary = inserts.run(connections, config.baselineDuration()).summary();
            baselines.insert(connections, summary);
            figures.add(figure("baseline", "raw INSERT (600 B, one per commit) rate", connections,
                    summary.perSecond(), "/s", "—", null, summary, null));
            figures.add(figure("baseline", "raw INSERT p50", connections, summary.p50Ms(), "ms", "—", null, summary,
                    null));
            figures.add(figure("baseline", "raw INSERT p99", connections, summary.p99Ms(), "ms", "—", null, summary,
                    null));
        }
        Latencies.Summary kafka = new KafkaProducerBaseline(target.kafka()).run(config.baselineDuration()).summary();
        baselines.kafka(kafka);
        figures.add(figure("baseline", "raw Kafka producer rate (600 B, acks=all, idempotent)", null,
                kafka.perSecond(), "records/s", "—", null, kafka, null));
    }

    private void closedLoop(Scenario scenario, Class<? extends Simulation> simulation, String metric) {
        for (int connections : config.connections()) {
            LoadPlan plan = LoadPlan.closedLoop(target, pipeline, connections, config.duration(),
                    config.dealsPerUser());
            int status = GatlingRun.run(simulation, plan, scenario.id() + " x" + connections, config.gatlingDir(),
                    config.gatlingReports());
            Latencies.Summary summary = plan.metric(metric).summary();
            String note = status == 0 ? null : "Gatling exited with " + status;
            boolean isMove = scenario == Scenario.MOVE;
            String rateTarget = isMove && connections == 32 ? "≥ 2,000/s and ≥ 0.5 × raw INSERT/s" : "—";
            Boolean rateMet = isMove && connections == 32 ? summary.perSecond() >= Targets.MOVES_PER_SECOND_AT_32
                    && baselines.insert(32).map(raw -> summary.perSecond()
                    >= Targets.MOVES_SHARE_OF_RAW_INSERTS * raw.perSecond()).orElse(true) : null;
            figures.add(figure(scenario.id(), metric + " rate", connections, summary.perSecond(), "/s", rateTarget,
                    rateMet, summary, insertRatio(connections, Latencies.Summary::perSecond, "INSERT/s")).withNote(note));
            boolean alone = connections == 1 && scenario != Scenario.MIXED;
            figures.add(figure(scenario.id(), metric + " p50", connections, summary.p50Ms(), "ms",
                    alone ? "≤ 5 ms (one command alone)" : "—", alone ? summary.p50Ms() <= Targets.ALONE_P50_MS : null,
                    summary, insertRatio(connections, Latencies.Summary::p50Ms, "INSERT p50")));
            figures.add(figure(scenario.id(), metric + " p99", connections, summary.p99Ms(), "ms", "—", null,
                    summary, insertRatio(connections, Latencies.Summary::p99Ms, "INSERT p99")));
        }
    }

    private void fixedRate() {
        LoadPlan plan = LoadPlan.openLoop(target, pipeline, config.fixedRate(), config.fixedDuration(),
                Optional.empty(), 0);
        int status = GatlingRun.run(FixedRateSimulation.class, plan, "fixed rate " + config.fixedRate() + "/s",
                config.gatlingDir(), config.gatlingReports());
        Latencies.Summary summary = plan.metric(FixedRateSimulation.METRIC).summary();
        perSecond = plan.perSecond().rows();
        String offered = String.format(Locale.ROOT, "%.0f/s offered for %ss", config.fixedRate(),
                config.fixedDuration().toSeconds());
        String note = offered + (status == 0 ? "" : "; Gatling exited with " + status);
        figures.add(figure("fixed", "commands answered", null, summary.perSecond(), "/s", "—", null, summary,
                insertRatio(1, Latencies.Summary::perSecond, "INSERT/s")).withNote(note));
        figures.add(figure("fixed", "command p50", null, summary.p50Ms(), "ms", "—", null, summary,
                insertRatio(1, Latencies.Summary::p50Ms, "INSERT p50")).withNote(offered));
        boolean atTargetRate = config.fixedRate() >= 1000;
        figures.add(figure("fixed", "command p99", null, summary.p99Ms(), "ms", "≤ 25 ms at 1,000/s offered",
                atTargetRate ? summary.p99Ms() <= Targets.FIXED_RATE_P99_MS : null, summary,
                insertRatio(1, Latencies.Summary::p99Ms, "INSERT p99")).withNote(offered));
        figures.add(figure("fixed", "command max", null, summary.maxMs(), "ms", "—", null, summary, null)
                .withNote(offered + "; per second below"));
        long shed = plan.metric(FixedRateSimulation.METRIC).shedCount();
        figures.add(figure("fixed", "commands shed (503 service-overloaded)", null, shed, "", "—", null, summary, null)
                .withNote(offered + "; refused at once by the admission limit, counted in errors too"));
    }

    private void lag() throws Exception {
        int generation = activeAnalyticsGeneration();
        Map<String, LagProbe.Consumer> consumers = Map.of(
                "task", new LagProbe.Consumer(target.jdbcUrl(target.serviceDatabase("task")), TASK_CONSUMER),
                "analytics", new LagProbe.Consumer(target.jdbcUrl(target.serviceDatabase("analytics")),
                        ANALYTICS_DEAL_CONSUMER + generation));
        LagProbe probe = new LagProbe(consumers, target.dbUser(), target.dbPassword(), Duration.ofMillis(5));
        LoadPlan plan = LoadPlan.openLoop(target, pipeline, config.lagRate(), config.lagDuration(), Optional.of(probe),
                config.lagSampleEvery());
        int status;
        try {
            status = GatlingRun.run(FixedRateSimulation.class, plan, "lag at " + config.lagRate() + "/s",
                    config.gatlingDir(), config.gatlingReports());
        } finally {
            probe.close();
        }
        Latencies.Summary commands = plan.metric(FixedRateSimulation.METRIC).summary();
        String note = String.format(Locale.ROOT, "%.0f events/s offered (one event per command), %.0f/s answered; "
                        + "1 command in %d followed; polled every 5 ms%s", config.lagRate(), commands.perSecond(),
                config.lagSampleEvery(), status == 0 ? "" : "; Gatling exited with " + status);
        for (String consumer : List.of("task", "analytics")) {
            Latencies.Summary lag = probe.latencies(consumer).summary();
            String what = consumer.equals("task") ? "answer → task opened (task-service)"
                    : "answer → visible in analytics";
            boolean atTargetRate = config.lagRate() >= 1000;
            figures.add(figure("lag", what + " p50", null, lag.p50Ms(), "ms", "—", null, lag,
                    insertRatio(1, Latencies.Summary::p50Ms, "INSERT p50")).withNote(note));
            figures.add(figure("lag", what + " p99", null, lag.p99Ms(), "ms", "≤ 200 ms at 1,000 events/s",
                    atTargetRate ? lag.p99Ms() <= Targets.LAG_P99_MS : null, lag,
                    insertRatio(1, Latencies.Summary::p99Ms, "INSERT p99")).withNote(note));
        }
    }

    /** The deals of the bench's pipeline in analytics' active generation. */
    private long analyticsDeals() throws Exception {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(target.serviceDatabase("analytics")),
                target.dbUser(), target.dbPassword()); PreparedStatement statement = connection.prepareStatement(
                "SELECT count(*) FROM deals WHERE generation = (SELECT active_generation FROM projection_state)"
                        + " AND pipeline_id = ?")) {
            statement.setString(1, pipeline.id());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** analytics-service's DealProjector names its consumer position per projection generation. */
    private int activeAnalyticsGeneration() throws Exception {
        try (Connection connection = DriverManager.getConnection(target.jdbcUrl(target.serviceDatabase("analytics")),
                target.dbUser(), target.dbPassword()); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT active_generation FROM projection_state")) {
            row.next();
            return row.getInt(1);
        }
    }

    private void scale() throws Exception {
        String runId = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime();
        long events = new HistoryGenerator(target.kafka()).generate(pipeline, config.scaleDeals(), runId);
        Duration written = Duration.ofNanos(System.nanoTime() - start);
        notes.add(String.format(Locale.ROOT, "scale: %,d deals (%,d events) of generated history were written "
                        + "straight onto %s (deal-api records and JSON, deal-service's CloudEvents headers, "
                        + "ce_source /dealflow/bench) in %ss, not through deal-service's REST API", config.scaleDeals(), events,
                Topics.DEAL_EVENTS, written.toSeconds()));
        try (ConsumerGroupLag lag = new ConsumerGroupLag(target.kafka())) {
            Duration caughtUp = lag.awaitCaughtUp(target.analyticsConsumerGroup(), Topics.DEAL_EVENTS,
                    config.scaleTimeout());
            double seconds = Duration.ofNanos(System.nanoTime() - start).toNanos() / 1e9;
            Latencies.Summary counted = new Latencies.Summary(events, 0, seconds, events / seconds, 0, 0, 0, 0);
            figures.add(figure("scale", "analytics consumed the generated history", null, events / seconds,
                    "events/s", "—", null, counted, kafkaRatio()).withNote(String.format(
                    "%,d events, from the first write until consumer group %s had no lag (waited %ss after writing)",
                    events, target.analyticsConsumerGroup(), caughtUp.toSeconds())));
        }
        String over = String.format(Locale.ROOT, "over %,d generated deals", config.scaleDeals());
        boolean atTargetScale = config.scaleDeals() >= 1_000_000;
        reports("scale", "before rebuild", over, atTargetScale);
        replay("scale");
        reports("scale", "after rebuild", over, atTargetScale);
    }

    /**
     * The reports over whatever analytics holds (an earlier scale run's history, say), so that a change to
     * analytics can be timed again without generating the history again.
     */
    private void heldReports(String when) throws Exception {
        long deals = analyticsDeals();
        reports("reports", when, String.format(Locale.ROOT, "over the %,d deals of pipeline '%s' analytics held"
                + " (no history generated by this scenario)", deals, pipeline.id()), deals >= 1_000_000);
    }

    private void reports(String scenario, String when, String over, boolean atTargetScale) {
        Map<String, Latencies> measured = new ReportLatencies(rest, target.analyticsUrl())
                .measure(pipeline.id(), config.reportRequests());
        measured.forEach((report, latencies) -> {
            Latencies.Summary summary = latencies.summary();
            figures.add(figure(scenario, report + " p50, " + when, null, summary.p50Ms(), "ms", "—", null, summary,
                    insertRatio(1, Latencies.Summary::p50Ms, "INSERT p50")).withNote(over));
            figures.add(figure(scenario, report + " p95, " + when, null, summary.p95Ms(), "ms",
                    "≤ 50 ms over 1,000,000 deals", atTargetScale ? summary.p95Ms() <= Targets.REPORT_P95_MS : null,
                    summary, insertRatio(1, Latencies.Summary::p95Ms, "INSERT p95")).withNote(over));
        });
    }

    /** The scale scenario rebuilds in any case (its reports are timed after a rebuild too), so it reports it. */
    private void replay(String scenario) throws Exception {
        ProjectionRebuild.Result rebuilt = new ProjectionRebuild(rest, target.analyticsUrl()).run(config.scaleTimeout());
        Latencies.Summary counted = new Latencies.Summary(rebuilt.events(), 0, rebuilt.took().toNanos() / 1e9,
                rebuilt.eventsPerSecond(), 0, 0, 0, 0);
        figures.add(figure("replay", "analytics rebuild (replay of every topic)", null, rebuilt.eventsPerSecond(),
                "events/s", "≥ 50,000 events/s", rebuilt.eventsPerSecond() >= Targets.REPLAY_EVENTS_PER_SECOND,
                counted, kafkaRatio()).withNote(String.format(
                "%,d events in %.1f s (analytics-service's own count and times)%s", rebuilt.events(),
                rebuilt.took().toNanos() / 1e9, scenario.equals("scale") ? ", during the scale scenario" : "")));
    }

    /**
     * A generated history imported through deal-service's {@code POST /api/v1/imports} (DESIGN §7): rows per second by
     * the job's own count and times, and the most heap deal-service used meanwhile.
     */
    private void importHistory() throws Exception {
        Path file = Files.createTempFile("bench-import-", ".csv");
        try {
            String run = "bench-import-" + UUID.randomUUID().toString().substring(0, 8);
            long rows = HistoryFile.write(file, pipeline, run, config.importDeals(), Instant.now());
            long bytes = Files.size(file);
            HistoryImport.Result imported = new HistoryImport(target.clients().integration(), target.dealUrl(),
                    target.dealManagementUrl()).run(file, pipeline.id(), config.importTimeout());
            double seconds = imported.took().toNanos() / 1e9;
            Latencies.Summary counted = new Latencies.Summary(imported.rows(), imported.refused(), seconds,
                    imported.rowsPerSecond(), 0, 0, 0, 0);
            boolean atTargetSize = bytes >= 100L * 1024 * 1024;
            figures.add(figure("import", "history import (CSV, one command per deal)", null,
                    imported.rowsPerSecond(), "rows/s", "≥ 20,000 rows/s",
                    atTargetSize ? imported.rowsPerSecond() >= Targets.IMPORT_ROWS_PER_SECOND : null, counted, null)
                    .withNote(String.format(Locale.ROOT, "%,d rows (%,d written), %,d deals imported, %,d refused, "
                            + "%.1f MB file, %.1f s", imported.rows(), rows, imported.deals(), imported.refused(),
                            bytes / 1e6, seconds)));
            if (imported.maxHeapBytes() > 0) {
                Latencies.Summary sampled = new Latencies.Summary(1, 0, seconds, 0, 0, 0, 0, 0);
                figures.add(figure("import", "deal-service heap in use during the import, max", null,
                        imported.maxHeapBytes() / 1e6, "MB", "constant in the file's size", null, sampled, null)
                        .withNote(String.format(Locale.ROOT, "%.0f MB before; sampled every second, garbage "
                                + "included", imported.heapBefore() / 1e6)));
            } else {
                figures.add(Figure.skipped("import", "heap not measured: no metrics at "
                        + target.dealManagementUrl()));
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The raw figure a measured one is divided by, with the words that name it in the table. */
    private record Ratio(String baseline, double raw) {
    }

    private Ratio insertRatio(int connections, ToDoubleFunction<Latencies.Summary> of, String what) {
        return baselines.insert(connections).map(raw -> new Ratio(String.format(Locale.ROOT, "raw %s @%d: %.2f", what,
                connections, of.applyAsDouble(raw)), of.applyAsDouble(raw))).orElse(NOT_MEASURED);
    }

    private Ratio kafkaRatio() {
        return baselines.kafka().map(raw -> new Ratio(String.format(Locale.ROOT, "raw Kafka producer: %.0f records/s",
                raw.perSecond()), raw.perSecond())).orElse(NOT_MEASURED);
    }

    private static Figure figure(String scenario, String name, Integer connections, double value, String unit,
                                 String target, Boolean met, Latencies.Summary summary, Ratio ratio) {
        boolean measured = summary.count() > 0;
        Double divided = ratio == null || ratio.raw() <= 0 || !measured ? null : value / ratio.raw();
        // a figure that only looks good because the failed operations are left out of it does not meet its target
        Boolean metWithoutErrors = !measured || met == null ? null : met && summary.errors() == 0;
        return new Figure(scenario, name, connections, value, unit, target, metWithoutErrors,
                ratio == null ? "—" : ratio.baseline(), divided, summary.count(), summary.errors(),
                measured ? null : "nothing measured");
    }
}
