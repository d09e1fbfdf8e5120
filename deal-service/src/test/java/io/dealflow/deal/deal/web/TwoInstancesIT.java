package io.dealflow.deal.deal.web;

import io.dealflow.platform.testing.ApiResponse;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.HttpApi;
import io.dealflow.platform.testing.ServiceUnderTest;
import io.dealflow.platform.testing.TestAuthServer;
import io.dealflow.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.nio.file.Path;
import java.util.Map;
import java.util.stream.StreamSupport;

import static io.dealflow.platform.testing.DemoDeals.salesDealWithContact;
import static io.dealflow.platform.testing.DemoDeals.stage;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two deal-service instances on one database, as two replicas behind a load balancer: each keeps the deals it
 * handled in its cache, so every request that alternates between them meets a deal the other one moved on.
 */
@DealflowIntegrationTest
class TwoInstancesIT {

    private static ServiceUnderTest other;

    @LocalServerPort
    int port;
    @Value("${spring.datasource.url}")
    String databaseUrl;
    @Value("${spring.datasource.username}")
    String databaseUser;
    @Value("${spring.datasource.password:}")
    String databasePassword;

    private HttpApi here;
    private HttpApi there;

    @BeforeEach
    void startTheOtherInstanceOnTheSameDatabase() {
        if (other == null) {
            other = ServiceUnderTest.start(new ServiceUnderTest.Spec("deal-service-replica",
                    Path.of("target/deal-service.jar"), "DEAL_SERVICE_PORT", "DEAL_MANAGEMENT_PORT"), Map.of(
                            "DEALFLOW_OAUTH_ISSUER_URI", TestAuthServer.shared().issuer(),
                            "DEAL_DB_URL", databaseUrl,
                            "DEAL_DB_POOL_SIZE", "5",
                            "DEALFLOW_DB_USER", databaseUser,
                            "DEALFLOW_DB_PASSWORD", databasePassword,
                            "KAFKA_BOOTSTRAP_SERVERS", TestInfrastructure.kafka().bootstrapServers()));
        }
        here = new HttpApi(port);
        there = new HttpApi(other.port());
    }

    @AfterAll
    static void stopTheOtherInstance() {
        if (other != null) {
            other.stop();
        }
    }

    @Test
    void commandsAlternatingBetweenInstancesAllSucceedOnTheLatestStateAndEveryReadShowsThem() {
        String deal = "/api/v1/deals/" + here.openDeal(salesDealWithContact());

        // each instance caches the deal at the version it last wrote; the other one moves it on in between
        assertMovedTo(here.patch(deal + "/fields", Map.of("equipmentCategories", "lathes"), h -> {
        }), 1);
        assertMovedTo(there.post(deal + "/stage", stage("needs-identified")), 2);
        assertMovedTo(here.post(deal + "/stage", stage("finance-legal-check")), 3);
        assertMovedTo(there.post(deal + "/stage", stage("proposal")), 4);
        assertMovedTo(here.post(deal + "/tags", Map.of("add", java.util.List.of("tender"))), 5);

        for (HttpApi instance : new HttpApi[]{here, there}) {
            ApiResponse read = instance.get(deal);
            assertThat(read.body().path("version").asLong()).isEqualTo(5);
            assertThat(read.body().path("stageId").asString()).isEqualTo("proposal");
            ApiResponse history = instance.get(deal + "/history");
            assertThat(StreamSupport.stream(history.body().spliterator(), false)
                    .map(entry -> entry.path("sequence").asLong()))
                    .containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
        }
    }

    @Test
    void aStaleIfMatchIsStillRefusedAfterTheOtherInstanceMovedTheDeal() {
        String deal = "/api/v1/deals/" + here.openDeal(salesDealWithContact());
        assertMovedTo(there.patch(deal + "/fields", Map.of("equipmentCategories", "lathes"), h -> {
        }), 1);

        ApiResponse stale = here.post(deal + "/stage", stage("needs-identified"), h -> h.setIfMatch("\"0\""));

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.body().path("currentVersion").asLong()).isEqualTo(1);
        assertThat(here.get(deal).body().path("stageId").asString()).isEqualTo("new-inquiry");
    }

    private static void assertMovedTo(ApiResponse response, long version) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.etag()).isEqualTo("\"" + version + "\"");
        assertThat(response.body().path("version").asLong()).isEqualTo(version);
    }
}
