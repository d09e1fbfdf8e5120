package io.dealflow.analytics.access;

import io.dealflow.analytics.history.EventFeed;
import io.dealflow.analytics.rebuild.ProjectionRebuild;
import io.dealflow.platform.testing.AccessContractTest;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.IntegrationTestInfrastructureInitializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static io.dealflow.platform.testing.AccessContractTest.Probe.get;
import static io.dealflow.platform.testing.AccessContractTest.Probe.post;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN §6 on every endpoint of analytics-service, for a pipeline of the sales department. A context (and database)
 * of its own: the allowed caller really starts a rebuild, which the other analytics tests must not see.
 */
@DealflowIntegrationTest
@TestPropertySource(properties = IntegrationTestInfrastructureInitializer.PREFIX_PROPERTY + "=analytics_access_it")
class AnalyticsServiceAccessIT extends AccessContractTest {

    private static final String PIPELINE = "access-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String REBUILD = "/api/v1/admin/projections/rebuild";

    @Autowired
    ProjectionRebuild rebuild;

    @BeforeAll
    static void aSalesPipeline() {
        try (EventFeed feed = new EventFeed()) {
            feed.pipeline(PIPELINE, 1, null, Map.of("first", Duration.ofDays(1)));
        }
    }

    /** A rebuild started or switched, and idempotency keys; the reports write nothing at all. */
    @Override
    protected Object writes() {
        return List.of(rebuild.status().state(), jdbc.sql("""
                        SELECT (SELECT active_generation FROM projection_state) * 1000000
                             + (SELECT count(*) FROM idempotency_keys)""").query(Long.class).single());
    }

    @Override
    protected Map<String, Probe> probes() {
        awaitThePipeline();
        Map<String, Probe> probes = new LinkedHashMap<>(AnalyticsServiceAccess.REPORTS.stream().collect(
                Collectors.toMap(report -> "GET /api/v1/analytics/" + report,
                        report -> get("/api/v1/analytics/" + report + "?pipelineId=" + PIPELINE))));
        probes.put("POST " + REBUILD, post(REBUILD, null));
        probes.put("GET " + REBUILD, get(REBUILD));
        return probes;
    }

    @Test
    void aReportForAnotherDepartmentsPipelineIsForbiddenAndOneForOwnIsServed() {
        awaitThePipeline();

        assertThat(api().as(DemoClient.CONTRACTS_HEAD).get("/api/v1/analytics/funnel?pipelineId=" + PIPELINE)
                .status()).isEqualTo(403);
        assertThat(api().as(DemoClient.SALES_HEAD).get("/api/v1/analytics/funnel?pipelineId=" + PIPELINE)
                .status()).isEqualTo(200);
        assertThat(api().as(DemoClient.SALES_HEAD).get(REBUILD).status()).isEqualTo(403);
    }

    /** Pipeline definitions arrive over Kafka: the catalogue knows this one once a report finds it. */
    private void awaitThePipeline() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(api().as(DemoClient.DEALFLOW_ADMIN)
                .get("/api/v1/analytics/funnel?pipelineId=" + PIPELINE).status()).isEqualTo(200));
    }
}
