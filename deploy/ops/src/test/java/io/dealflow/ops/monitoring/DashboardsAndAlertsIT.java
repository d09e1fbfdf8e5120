package io.dealflow.ops.monitoring;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.dealflow.local.testing.LocalDealflow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What ops look at works against the real system: the local launcher runs every service with demo traffic,
 * a real Prometheus scrapes it with deploy/prometheus (jobs and alert rules), and then every PromQL expression of
 * the five Grafana dashboards and every value an alert rule compares must be valid and return series, and every
 * SQL panel must run on the analytics database. Needs the local PostgreSQL and a Prometheus binary (installed
 * with apt-get when missing).
 */
class DashboardsAndAlertsIT {

    private static final Path REPOSITORY = Path.of("").toAbsolutePath().resolve("../..").normalize();
    /** From services UP to every panel having data: demo deals must be won, lost, handed off and left overdue. */
    private static final Duration DATA_WAIT = Duration.ofSeconds(150);
    private static final String DB_PREFIX = "dealflow_opsit";
    /** inherited by the services: overdue tasks and escalations within seconds instead of half a minute */
    private static final Map<String, String> DEMO_ENVIRONMENT = Map.of("DEALFLOW_DEMO_RATE", "2",
            "TASK_OVERDUE_SCAN_INTERVAL", "PT3S");

    @TempDir
    Path workDir;

    @Test
    void everyDashboardQueryAndAlertRuleWorksAgainstTheRunningSystemWithDemoTraffic() throws Exception {
        GrafanaDashboards dashboards = GrafanaDashboards.load(REPOSITORY.resolve("deploy/grafana/dashboards"));
        List<AlertRules.Rule> alerts = AlertRules.load(REPOSITORY.resolve("deploy/prometheus/alerts.yml"));
        assertThat(dashboards.files()).hasSize(5);
        assertThat(alerts).extracting(AlertRules.Rule::alert).hasSizeGreaterThanOrEqualTo(5);
        PrometheusServer.ensureBinary();

        try (LocalDealflow dealflow = LocalDealflow.start(REPOSITORY, workDir, DB_PREFIX, List.of("--demo"),
                DEMO_ENVIRONMENT);
             PrometheusServer prometheus = PrometheusServer.start(REPOSITORY, dealflow.managementPorts(), workDir)) {
            assertEveryAlertRuleLoaded(prometheus, alerts);

            List<GrafanaDashboards.Query> promQl = new ArrayList<>(dashboards.promQl());
            for (AlertRules.Rule rule : alerts) {
                rule.values().forEach(value -> promQl.add(new GrafanaDashboards.Query("alerts.yml / " + rule.alert(), value)));
            }
            // an invalid expression fails at once (not an AssertionError, so not retried); an empty one is retried
            await("every dashboard and alert expression to return series").atMost(DATA_WAIT)
                    .pollInterval(Duration.ofSeconds(3))
                    .untilAsserted(() -> assertThat(emptyOrInvalid(prometheus, promQl))
                            .as("expressions without series (launcher log:%n%s)", dealflow.lastLines()).isEmpty());

            assertThat(failingSql(dealflow.jdbcUrl("analytics"), dashboards.sql())).isEmpty();
            // the year of sales history the demo imports first passes the sales pipeline's rules, every deal of it
            await("the demo's history import").atMost(DATA_WAIT).untilAsserted(() -> assertThat(
                    Files.readString(dealflow.log())).contains("[dealflow demo] a year of sales history")
                    .contains(" deals imported, 0 already imported by an earlier demo run, 0 refused; DONE"));
        }
    }

    private static void assertEveryAlertRuleLoaded(PrometheusServer prometheus, List<AlertRules.Rule> alerts)
            throws Exception {
        List<String> loaded = new ArrayList<>();
        for (JsonNode group : prometheus.rules()) {
            for (JsonNode rule : group.path("rules")) {
                assertThat(rule.path("health").asString("ok")).as(rule.path("name").asString()).isNotEqualTo("err");
                loaded.add(rule.path("name").asString());
            }
        }
        assertThat(loaded).as("alert rules Prometheus loaded from alerts.yml")
                .containsExactlyInAnyOrderElementsOf(alerts.stream().map(AlertRules.Rule::alert).toList());
    }

    private static List<String> emptyOrInvalid(PrometheusServer prometheus, List<GrafanaDashboards.Query> queries)
            throws Exception {
        List<String> empty = new ArrayList<>();
        for (GrafanaDashboards.Query query : queries) {
            try {
                if (prometheus.query(query.text()).isEmpty()) {
                    empty.add(query.origin() + ": " + query.text());
                }
            } catch (PrometheusServer.InvalidQueryException e) {
                throw new IllegalStateException("Invalid PromQL in " + query.origin() + ": " + e.getMessage()
                        + "\n  " + query.text(), e);
            }
        }
        return empty;
    }

    /** Runs every SQL panel query; Grafana reads with a read-only user, so the test runs them read-only too. */
    private static List<String> failingSql(String jdbcUrl, List<GrafanaDashboards.Query> queries) throws SQLException {
        List<String> failures = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            connection.setReadOnly(true);
            for (GrafanaDashboards.Query query : queries) {
                try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query.text())) {
                    while (rows.next()) {
                        // reading every row makes PostgreSQL evaluate the whole query (casts included)
                    }
                } catch (SQLException e) {
                    failures.add(query.origin() + ": " + e.getMessage() + "\n  " + query.text());
                }
            }
        }
        return failures;
    }
}
