package io.dealflow.analytics.rebuild;

import io.dealflow.analytics.history.EventFeed;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.HttpApi;
import io.dealflow.platform.testing.ServiceUnderTest;
import io.dealflow.platform.testing.TestAuthServer;
import io.dealflow.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two analytics-service instances on one database, as two replicas: a rebuild started on one switches both (each
 * reads the active generation from the database, and the live batches of both wait for the switch), events consumed
 * by either instance while the rebuild runs are in the new generation, and only one rebuild runs at a time.
 */
@DealflowIntegrationTest
class RebuildAcrossInstancesIT {

    private static ServiceUnderTest replica;

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${spring.datasource.username}")
    String databaseUser;
    @Value("${spring.datasource.password:}")
    String databasePassword;
    @Autowired
    RebuildClaims claims;

    @BeforeAll
    static void topics() {
        EventFeed.ensureTopics();
    }

    @AfterAll
    static void stopTheReplica() {
        if (replica != null) {
            replica.stop();
        }
    }

    @Test
    void aRebuildStartedOnOneInstanceSwitchesBothAndLosesNothingEitherConsumed() {
        replica = ServiceUnderTest.start(new ServiceUnderTest.Spec("analytics-service-replica",
                Path.of("target/analytics-service.jar"), "ANALYTICS_SERVICE_PORT", "ANALYTICS_MANAGEMENT_PORT"), Map.of(
                "DEALFLOW_OAUTH_ISSUER_URI", TestAuthServer.shared().issuer(),
                "ANALYTICS_DB_URL", databaseUrl,
                "ANALYTICS_DB_POOL_SIZE", "6",
                "DEALFLOW_DB_USER", databaseUser,
                "DEALFLOW_DB_PASSWORD", databasePassword,
                "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafka().bootstrapServers()));
        HttpApi here = new HttpApi(port).as(DemoClient.DEALFLOW_ADMIN);
        HttpApi there = new HttpApi(replica.port()).as(DemoClient.DEALFLOW_ADMIN);
        String pipelineId = "replicas-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.parse("2032-03-01T09:00:00Z");
        try (EventFeed feed = new EventFeed()) {
            Map<String, Duration> stages = new LinkedHashMap<>();
            List.of("s1", "s2", "s3").forEach(stage -> stages.put(stage, Duration.ofDays(2)));
            feed.pipeline(pipelineId, 1, null, stages);
            openDeals(feed, pipelineId, 0, 300, at);
            feed.flush();
            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                assertThat(enteredFirstStage(here, pipelineId)).isEqualTo(300);
                assertThat(enteredFirstStage(there, pipelineId)).isEqualTo(300);
            });

            JsonNode started = here.post("/api/v1/admin/projections/rebuild", null).body();
            int target = started.path("targetGeneration").asInt();
            assertThat(claims.claim("another-instance", Instant.now(), Instant.now().minus(Duration.ofMinutes(10))))
                    .as("a second rebuild while one runs").isEmpty();
            // consumed by either instance's live consumers while the rebuild replays and switches
            openDeals(feed, pipelineId, 300, 200, at);
            feed.flush();

            await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
                JsonNode status = there.get("/api/v1/admin/projections/rebuild").body();
                assertThat(status.path("state").asString()).isEqualTo("DONE");
                assertThat(status.path("targetGeneration").asInt()).isEqualTo(target);
            });
            for (HttpApi instance : new HttpApi[] {here, there}) {
                assertThat(instance.get("/api/v1/admin/projections/rebuild").body().path("activeGeneration").asInt())
                        .isEqualTo(target);
            }
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                assertThat(enteredFirstStage(here, pipelineId)).isEqualTo(500);
                assertThat(enteredFirstStage(there, pipelineId)).isEqualTo(500);
            });
        }
    }

    private static void openDeals(EventFeed feed, String pipelineId, int from, int count, Instant at) {
        for (int i = from; i < from + count; i++) {
            String dealId = pipelineId + "-" + i;
            feed.open(dealId, pipelineId, 1, "m" + (i % 3), "s1", at.plus(Duration.ofMinutes(i)));
            if (i % 2 == 0) {
                feed.forward(dealId, "s2", at.plus(Duration.ofMinutes(i)).plus(Duration.ofHours(5)));
            }
        }
    }

    private static long enteredFirstStage(HttpApi api, String pipelineId) {
        long entered = 0;
        for (JsonNode row : api.get("/api/v1/analytics/conversion?pipelineId=" + pipelineId).body()) {
            if (row.path("stageId").asString().equals("s1")) {
                entered += row.path("entered").asLong();
            }
        }
        return entered;
    }
}
