package io.dealflow.bench;

import io.dealflow.bench.config.BenchConfig;
import io.dealflow.bench.config.Scenario;
import io.dealflow.bench.config.Settings;
import io.dealflow.bench.results.Figure;
import io.dealflow.bench.results.Results;
import io.dealflow.bench.results.ResultsFiles;
import io.dealflow.local.testing.LocalDealflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scenario of the bench, for seconds each and at a tiny scale, against a system of the test's own (the
 * launcher on free ports, its own databases and data directory). It proves the bench works, not the system's
 * speed: it fails when a scenario errors or measures nothing, never on a figure's size.
 */
class BenchSmokeIT {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().resolve("..").normalize();
    private static final String DB_PREFIX = "dealflow_benchit";
    private static final String BASELINE_DATABASE = DB_PREFIX + "_raw";

    @TempDir
    Path workDir;

    @Test
    void everyScenarioMeasuresSomethingWithoutErrors() throws Exception {
        Results results;
        try (LocalDealflow dealflow = LocalDealflow.start(REPOSITORY, workDir, DB_PREFIX, List.of(), Map.of())) {
            Map<String, String> smoke = Map.ofEntries(
                    entry("bench.deal.url", dealflow.url("deal-service")),
                    entry("bench.deal.management.url", dealflow.managementUrl("deal-service")),
                    entry("bench.task.url", dealflow.url("task-service")),
                    entry("bench.analytics.url", dealflow.url("analytics-service")),
                    entry("bench.kafka", dealflow.kafkaBootstrapServers()),
                    entry("bench.auth.url", dealflow.issuer()),
                    entry("bench.db.prefix", DB_PREFIX),
                    entry("bench.rss.pid", Long.toString(dealflow.pid())),
                    entry("bench.scenarios", String.join(",", Arrays.stream(Scenario.values()).map(Scenario::id)
                            .toList())),
                    entry("bench.connections", "1,16,32"),
                    // PostgreSQL's max_connections is shared with the system under test (and other runs on the box)
                    entry("bench.baseline.connections", "1,4"),
                    entry("bench.duration", "2s"),
                    entry("bench.move.deals-per-user", "2"),
                    entry("bench.fixed.rate", "20"),
                    entry("bench.fixed.duration", "3s"),
                    entry("bench.lag.rate", "20"),
                    entry("bench.lag.duration", "3s"),
                    entry("bench.lag.sample-every", "2"),
                    entry("bench.baseline.duration", "1s"),
                    entry("bench.baseline.database", BASELINE_DATABASE),
                    entry("bench.scale.deals", "200"),
                    entry("bench.scale.requests", "3"),
                    entry("bench.scale.timeout", "120s"),
                    entry("bench.import.deals", "2000"),
                    entry("bench.import.timeout", "120s"),
                    entry("bench.results.dir", workDir.resolve("results").toString()),
                    entry("bench.gatling.dir", "target/gatling-smoke"),
                    entry("bench.gatling.reports", "false"));
            results = new Bench(BenchConfig.from(new Settings(smoke))).run();
        } finally {
            dropBaselineDatabase();
        }

        assertThat(results.failures()).as("scenarios that failed").isEmpty();
        assertThat(results.figures()).extracting(Figure::scenario).contains(Arrays.stream(Scenario.values())
                .map(Scenario::id).toArray(String[]::new)).contains("system");
        assertThat(results.figures()).allSatisfy(figure -> {
            assertThat(figure.value()).as("%s / %s: a value", figure.scenario(), figure.name()).isNotNull();
            assertThat(figure.samples()).as("%s / %s: samples", figure.scenario(), figure.name()).isPositive();
            assertThat(figure.errors()).as("%s / %s: errors", figure.scenario(), figure.name()).isZero();
        });
        assertThat(results.fixedRatePerSecond()).isNotEmpty();
        List<Path> files = ResultsFiles.write(results, workDir.resolve("results"));
        assertThat(Files.readString(files.get(0))).contains("| move | move rate | 32 |");
    }

    private static void dropBaselineDatabase() throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", ""); Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + BASELINE_DATABASE + " WITH (FORCE)");
        }
    }
}
