package io.dealflow.deal.access;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.testing.AccessContractTest;
import io.dealflow.platform.testing.ApiResponse;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.HistoryCsv;
import io.dealflow.platform.testing.HttpApi;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.JsonNode;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.dealflow.platform.testing.AccessContractTest.Probe.get;
import static io.dealflow.platform.testing.AccessContractTest.Probe.post;
import static io.dealflow.platform.testing.DemoDeals.salesDealWithContact;
import static io.dealflow.platform.testing.DemoDeals.stage;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** DESIGN §6 on every endpoint of deal-service, with the real authorization server's tokens. */
@DealflowIntegrationTest
class DealServiceAccessIT extends AccessContractTest {

    /** A pipeline of the sales department that only these tests define, so a PUT of it changes nobody's pipeline. */
    private static final String PIPELINE = "it-access-" + UUID.randomUUID().toString().substring(0, 8);


    @Override
    protected Object writes() {
        return jdbc.sql("SELECT (SELECT count(*) FROM domainevententry) + (SELECT count(*) FROM idempotency_keys)")
                .query(Long.class).single();
    }

    @Override
    protected Map<String, Probe> probes() {
        String deal = "/api/v1/deals/" + api().openDeal(salesDealWithContact());
        definePipeline();
        String dryRun = "/api/v1/imports?pipelineId=sales&dryRun=true";
        ApiResponse started = api().postCsv(dryRun, new HistoryCsv().toString());
        assertThat(started.status()).as("a dry run to probe the import's GET with: %s", started.body())
                .isEqualTo(202);
        return Map.ofEntries(
                entry("POST /api/v1/imports", post(dryRun, null)),
                entry("GET /api/v1/imports/{importId}", get(started.headers().getLocation().toString())),
                entry("POST /api/v1/deals", post("/api/v1/deals", salesDealWithContact())),
                entry("GET /api/v1/deals", get("/api/v1/deals?pipelineId=sales")),
                entry("PUT /api/v1/deals/{dealId}", new Probe(HttpMethod.PUT,
                        "/api/v1/deals/" + UUID.randomUUID(), salesDealWithContact())),
                entry("GET /api/v1/deals/{dealId}", get(deal)),
                entry("GET /api/v1/deals/{dealId}/history", get(deal + "/history")),
                entry("PATCH /api/v1/deals/{dealId}/fields",
                        new Probe(HttpMethod.PATCH, deal + "/fields", Map.of("equipmentCategories", "lathes"))),
                entry("POST /api/v1/deals/{dealId}/stage", post(deal + "/stage", stage("needs-identified"))),
                entry("POST /api/v1/deals/{dealId}/manager", post(deal + "/manager", Map.of("managerId", "taras"))),
                entry("POST /api/v1/deals/{dealId}/tags", post(deal + "/tags", Map.of("add", List.of("tender")))),
                entry("POST /api/v1/deals/{dealId}/attachments", post(deal + "/attachments", Map.of("name", "scan",
                        "uri", "s3://docs/scan.pdf", "contentType", "application/pdf"))),
                entry("POST /api/v1/deals/{dealId}/won", post(deal + "/won", null)),
                entry("POST /api/v1/deals/{dealId}/lost", post(deal + "/lost",
                        Map.of("reasonCode", "price", "comment", "too dear"))),
                entry("GET /api/v1/pipelines", get("/api/v1/pipelines")),
                entry("GET /api/v1/pipelines/{pipelineId}", get("/api/v1/pipelines/sales")),
                entry("PUT /api/v1/pipelines/{pipelineId}",
                        new Probe(HttpMethod.PUT, "/api/v1/pipelines/" + PIPELINE, definition("sales"))));
    }

    @Test
    void aSalesHeadsBoardAndPipelinesShowNothingOfContracts() {
        String salesDeal = api().openDeal(salesDealWithContact());
        String contractsDeal = api().openDeal(contractsDeal());
        HttpApi salesHead = api().as(DemoClient.SALES_HEAD);

        JsonNode board = salesHead.get("/api/v1/deals?size=200").body();
        assertThat(board.path("items").findValuesAsString("pipelineId")).isNotEmpty().containsOnly("sales");
        assertThat(board.path("items").findValuesAsString("id")).doesNotContain(contractsDeal);
        assertThat(api().get("/api/v1/deals/" + salesDeal).status()).isEqualTo(200);
        assertThat(salesHead.get("/api/v1/deals/" + contractsDeal).problemType())
                .isEqualTo(ProblemTypes.DEPARTMENT_NOT_ALLOWED);
        assertThat(salesHead.get("/api/v1/deals?pipelineId=contracts").status()).isEqualTo(403);
        assertThat(salesHead.get("/api/v1/pipelines").body().findValuesAsString("department")).containsOnly("sales");
        assertThat(api().as(DemoClient.CONTRACTS_HEAD).get("/api/v1/deals/" + contractsDeal).status())
                .isEqualTo(200);
    }

    @Test
    void anEventAnIntegrationClientWritesForAPersonNamesThePersonAndTheClient() {
        String dealId = api().actingFor("olena").openDeal(salesDealWithContact());

        JsonNode opened = api().get("/api/v1/deals/" + dealId + "/history").body().get(0);
        assertThat(opened.path("actor").asString()).isEqualTo("olena");
        assertThat(opened.path("clientId").asString()).isEqualTo("demo-integration");
    }

    @Test
    void withoutXActorTheActorIsTheTokensSubject() {
        ApiResponse opened = api().as(DemoClient.HANDOFF_SERVICE).post("/api/v1/deals", salesDealWithContact());

        JsonNode history = api().get("/api/v1/deals/" + opened.body().path("id").asString() + "/history").body();
        assertThat(history.get(0).path("actor").asString()).isEqualTo("handoff-service");
        assertThat(history.get(0).path("clientId").asString()).isEqualTo("handoff-service");
    }

    @Test
    void xActorFromATokenWithoutTheIntegrationRoleIsRefusedAndNeverRecorded() {
        Object before = writes();

        ApiResponse service = api().as(DemoClient.HANDOFF_SERVICE).actingFor("olena")
                .post("/api/v1/deals", salesDealWithContact());
        ApiResponse admin = api().as(DemoClient.DEALFLOW_ADMIN).actingFor("olena")
                .put("/api/v1/pipelines/" + PIPELINE, definition("sales"));
        ApiResponse head = api().as(DemoClient.SALES_HEAD).actingFor("olena")
                .post("/api/v1/deals", salesDealWithContact());

        assertThat(service.problemType()).isEqualTo(ProblemTypes.ACTOR_NOT_ALLOWED);
        assertThat(admin.problemType()).isEqualTo(ProblemTypes.ACTOR_NOT_ALLOWED);
        assertThat(head.status()).isEqualTo(403);
        assertThat(writes()).isEqualTo(before);
    }

    private void definePipeline() {
        ApiResponse defined = api().as(DemoClient.DEALFLOW_ADMIN).put("/api/v1/pipelines/" + PIPELINE,
                definition("sales"));
        assertThat(defined.status()).as(defined.body().toString()).isIn(200, 201);
    }

    private static Map<String, Object> definition(String department) {
        return Map.of("name", "Access test", "department", department, "skipMode", "STRICT",
                "backwardMode", "FORBIDDEN",
                "stages", List.of(Map.of("id", "first", "name", "First", "sla", "P1D",
                        "task", Map.of("title", "Call", "dueIn", "PT4H"))),
                "lossReasons", List.of(Map.of("code", "price", "label", "Price")));
    }

    private static Map<String, Object> contractsDeal() {
        Map<String, Object> request = new HashMap<>(salesDealWithContact());
        request.put("pipelineId", "contracts");
        request.put("managerId", "lawyer-anna");
        request.put("fields", Map.of("equipment", "CNC lathe", "amount", "125000",
                "installationAddress", "Київ, вул. Садова, 1"));
        return request;
    }
}
