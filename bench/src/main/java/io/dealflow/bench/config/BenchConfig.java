package io.dealflow.bench.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Everything a run needs, read once. Defaults point at the system {@code ./run-local.sh} starts and measure what
 * docs/performance.md asks for; every value can be changed with {@code -Dbench.…} or {@code BENCH_…}.
 *
 * @param target      where the system under test listens
 * @param baselineConnections the raw INSERT's concurrencies, the same as the scenarios' unless told otherwise (the
 *                    smoke keeps them low: PostgreSQL's connections are shared with the system under test)
 * @param lagSampleEvery probe one command in this many for the lag scenario, to keep the probe cheap
 * @param gatlingReports whether Gatling writes its HTML report per run (the smoke saves the time)
 * @param rssPid      the launcher's pid, or 0 to find it by its command line and its deal-service port
 * @param importDeals deals in the generated history file the import scenario sends (about five rows each)
 */
public record BenchConfig(Target target, Set<Scenario> scenarios, List<Integer> connections,
                          List<Integer> baselineConnections, Duration duration,
                          int dealsPerUser, double fixedRate, Duration fixedDuration, double lagRate,
                          Duration lagDuration, int lagSampleEvery, Duration baselineDuration,
                          String baselineDatabase, int scaleDeals, int reportRequests, Duration scaleTimeout,
                          String pipelineId, Path resultsDir, Path gatlingDir, boolean gatlingReports,
                          long rssPid, int importDeals, Duration importTimeout) {

    public static BenchConfig from(Settings settings) {
        Set<Scenario> scenarios = EnumSet.noneOf(Scenario.class);
        settings.list("bench.scenarios", "baseline,open,move,mixed,fixed,lag,scale,reports,replay,import")
                .forEach(id -> scenarios.add(Scenario.of(id)));
        String connections = settings.text("bench.connections", "1,16,32");
        return new BenchConfig(Target.from(settings), scenarios,
                settings.list("bench.connections", connections).stream().map(Integer::parseInt).toList(),
                settings.list("bench.baseline.connections", connections).stream().map(Integer::parseInt).toList(),
                settings.duration("bench.duration", Duration.ofSeconds(60)),
                settings.integer("bench.move.deals-per-user", 4),
                settings.decimal("bench.fixed.rate", 1000),
                settings.duration("bench.fixed.duration", Duration.ofSeconds(60)),
                settings.decimal("bench.lag.rate", 1000),
                settings.duration("bench.lag.duration", Duration.ofSeconds(60)),
                settings.integer("bench.lag.sample-every", 20),
                settings.duration("bench.baseline.duration", Duration.ofSeconds(20)),
                settings.text("bench.baseline.database", "dealflow_bench"),
                settings.integer("bench.scale.deals", 1_000_000),
                settings.integer("bench.scale.requests", 30),
                settings.duration("bench.scale.timeout", Duration.ofHours(12)),
                settings.text("bench.pipeline", "bench"),
                Path.of(settings.text("bench.results.dir", "bench/results")),
                Path.of(settings.text("bench.gatling.dir", "bench/target/gatling")),
                Boolean.parseBoolean(settings.text("bench.gatling.reports", "true")),
                Long.parseLong(settings.text("bench.rss.pid", "0")),
                settings.integer("bench.import.deals", 250_000),
                settings.duration("bench.import.timeout", Duration.ofHours(1)));
    }

    public boolean runs(Scenario scenario) {
        return scenarios.contains(scenario);
    }
}
