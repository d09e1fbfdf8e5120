package io.dealflow.task.access;

import io.dealflow.platform.testing.AccessContractTest;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.HttpApi;
import io.dealflow.platform.testing.TestAuthServer;
import io.dealflow.platform.testing.TestServices;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.dealflow.platform.testing.AccessContractTest.Probe.get;
import static io.dealflow.platform.testing.AccessContractTest.Probe.post;
import static io.dealflow.platform.testing.DemoDeals.salesDealWithContact;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** DESIGN §6 on every endpoint of task-service, with tasks of real deals of the real deal-service. */
@DealflowIntegrationTest
class TaskServiceAccessIT extends AccessContractTest {

    @DynamicPropertySource
    static void dealService(DynamicPropertyRegistry registry) {
        TestServices.callDealService(registry);
    }


    /** Tasks, reschedules, task events (their per-deal sequences) and idempotency keys. */
    @Override
    protected Object writes() {
        return jdbc.sql("""
                        SELECT (SELECT count(*) FROM tasks) + (SELECT count(*) FROM task_reschedules)
                             + (SELECT count(*) FROM idempotency_keys)
                             + (SELECT count(*) + coalesce(sum(last_sequence), 0) FROM task_event_sequences)""")
                .query(Long.class).single();
    }

    @Override
    protected Map<String, Probe> probes() {
        String dealId = new HttpApi(TestServices.dealService().baseUrl()).openDeal(salesDealWithContact());
        String task = "/api/v1/tasks/" + awaitTheStageTask(dealId);
        String due = Instant.now().plus(Duration.ofDays(2)).toString();
        return Map.ofEntries(
                entry("GET /api/v1/tasks", get("/api/v1/tasks?dealId=" + dealId)),
                entry("GET /api/v1/tasks/{taskId}", get(task)),
                entry("POST /api/v1/tasks", post("/api/v1/tasks",
                        Map.of("dealId", dealId, "title", "Send the catalogue", "dueAt", due))),
                entry("POST /api/v1/tasks/{taskId}/complete", post(task + "/complete",
                        Map.of("nextTask", Map.of("title", "Call back", "dueAt", due)))),
                entry("POST /api/v1/tasks/{taskId}/reschedule", post(task + "/reschedule",
                        Map.of("dueAt", due, "reason", "client travels"))),
                entry("GET /api/v1/reports/deals-without-tasks", get("/api/v1/reports/deals-without-tasks")),
                entry("GET /api/v1/reports/overdue", get("/api/v1/reports/overdue?groupBy=pipeline")),
                entry("GET /api/v1/reports/reschedules", get("/api/v1/reports/reschedules")));
    }

    @Test
    void aCallerOfContractsListsNoTaskOfASalesDeal() {
        String dealId = new HttpApi(TestServices.dealService().baseUrl()).openDeal(salesDealWithContact());
        awaitTheStageTask(dealId);
        String contractsOnly = TestAuthServer.shared().forge().token("contracts-integration",
                List.of("integration"), List.of("contracts"));

        JsonNode listed = api().withToken(contractsOnly).get("/api/v1/tasks?size=200").body();

        assertThat(listed.path("items").findValuesAsString("pipelineId")).doesNotContain("sales");
        assertThat(api().get("/api/v1/tasks?size=200").body().path("items").findValuesAsString("pipelineId"))
                .contains("sales");
    }

    /** The stage task task-service opens for a new deal, and then nothing else in flight for it. */
    private String awaitTheStageTask(String dealId) {
        return await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
            JsonNode open = api().get("/api/v1/tasks?status=OPEN&dealId=" + dealId).body().path("items");
            return open.size() == 1 ? open.get(0).path("id").asString() : null;
        }, id -> id != null);
    }
}
