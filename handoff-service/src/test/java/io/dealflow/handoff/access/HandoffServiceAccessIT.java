package io.dealflow.handoff.access;

import io.dealflow.platform.testing.AccessContractTest;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.DemoDeals;
import io.dealflow.platform.testing.HttpApi;
import io.dealflow.platform.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.dealflow.platform.testing.AccessContractTest.Probe.get;
import static io.dealflow.platform.testing.AccessContractTest.Probe.post;
import static io.dealflow.platform.testing.DemoDeals.salesDealWithContact;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * DESIGN §6 on every endpoint of handoff-service, with handoffs of real won deals. A sales deal's handoff belongs to
 * sales and contracts, so the department that may not see it is delivery.
 */
@DealflowIntegrationTest
class HandoffServiceAccessIT extends AccessContractTest {

    @DynamicPropertySource
    static void dealService(DynamicPropertyRegistry registry) {
        TestServices.callDealService(registry);
    }


    @Override
    protected String otherDepartment() {
        return "delivery";
    }

    /** Every handoff's state, and idempotency keys. */
    @Override
    protected Object writes() {
        return jdbc.sql("""
                        SELECT string_agg(source_deal_id || status || attempts || manual_retries, ','
                                          ORDER BY source_deal_id) || (SELECT count(*) FROM idempotency_keys)
                        FROM handoffs""")
                .query(String.class).single();
    }

    @Override
    protected Map<String, Probe> probes() {
        String handoff = "/api/v1/handoffs/" + wonSalesDealHandedOff();
        return Map.ofEntries(
                entry("GET /api/v1/handoffs", get("/api/v1/handoffs")),
                entry("GET /api/v1/handoffs/{sourceDealId}", get(handoff)),
                entry("POST /api/v1/handoffs/{sourceDealId}/retry", post(handoff + "/retry", null)));
    }

    @Test
    void bothDepartmentsAHandoffJoinsSeeItAndNoOtherDoes() {
        String source = wonSalesDealHandedOff();

        for (DemoClient head : List.of(DemoClient.SALES_HEAD, DemoClient.CONTRACTS_HEAD)) {
            assertThat(api().as(head).get("/api/v1/handoffs/" + source).status()).as(head.name()).isEqualTo(200);
            assertThat(api().as(head).get("/api/v1/handoffs?size=200").body().path("items")
                    .findValuesAsString("sourceDealId")).as(head.name()).contains(source);
        }
        assertThat(api().as(DemoClient.DELIVERY_HEAD).get("/api/v1/handoffs?size=200").body().path("items")
                .findValuesAsString("sourceDealId")).doesNotContain(source);
    }

    /** A sales deal walked to won; returns once its handoff to contracts is done. */
    private String wonSalesDealHandedOff() {
        String dealId = DemoDeals.winSalesDeal(new HttpApi(TestServices.dealService().baseUrl()),
                salesDealWithContact());
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            JsonNode handoff = api().as(DemoClient.DEALFLOW_ADMIN).get("/api/v1/handoffs/" + dealId).body();
            assertThat(handoff.path("status").asString()).isEqualTo("DONE");
        });
        return dealId;
    }
}
