package io.dealflow.deal.deal.web;

import io.dealflow.api.DealflowHeaders;
import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.testing.ApiResponse;
import io.dealflow.platform.testing.HttpApi;
import io.dealflow.platform.testing.DemoDeals;
import io.dealflow.platform.testing.DealflowIntegrationTest;
import io.dealflow.platform.testing.DemoClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import static io.dealflow.platform.testing.DemoDeals.salesDealWithContact;
import static io.dealflow.platform.testing.DemoDeals.stage;
import static org.assertj.core.api.Assertions.assertThat;

/** deal-service over real HTTP, against real PostgreSQL and a real Kafka broker. */
@DealflowIntegrationTest
class DealLifecycleIT {

    @LocalServerPort
    int port;
    @LocalManagementPort
    int managementPort;

    @Autowired
    JdbcTemplate jdbc;

    private HttpApi api;

    @BeforeEach
    void setUp() {
        api = new HttpApi(port);
    }

    @Test
    void aSalesDealWalksFromTheFirstStageToWon() {
        Map<String, Object> request = salesDealWithContact();
        ApiResponse opened = api.post("/api/v1/deals", request);
        assertThat(opened.status()).isEqualTo(201);
        assertThat(opened.etag()).isEqualTo("\"0\"");
        String id = opened.body().path("id").asString();
        assertThat(opened.headers().getLocation()).hasToString("/api/v1/deals/" + id);
        assertThat(opened.body().path("title").asString()).isEqualTo(request.get("title"));
        assertThat(opened.body().path("fields").path("contactName").asString()).isEqualTo("Іван Петренко");

        String deal = "/api/v1/deals/" + id;
        ok(api.patch(deal + "/fields", Map.of("equipmentCategories", "lathes, mills"), h -> h.setIfMatch("\"0\"")));
        ok(api.post(deal + "/stage", stage("needs-identified")));
        ok(api.post(deal + "/stage", stage("finance-legal-check")));
        ok(api.post(deal + "/stage", stage("proposal")));
        ok(api.patch(deal + "/fields", Map.of("equipment", "CNC lathe TK-200", "amount", "125000",
                "installationAddress", "Київ, вул. Садова, 1"), h -> {
        }));
        ok(api.post(deal + "/tags", Map.of("add", List.of("tender"), "remove", List.of("vip"))));
        ok(api.post(deal + "/attachments", Map.of("name", "Специфікація", "uri", "s3://docs/spec.pdf",
                "contentType", "application/pdf")));
        ok(api.post(deal + "/stage", stage("proposal-sent")));
        ApiResponse won = api.post(deal + "/won", null);

        assertThat(won.status()).isEqualTo(200);
        JsonNode body = won.body();
        assertThat(body.path("status").asString()).isEqualTo("WON");
        assertThat(body.path("stageId").asString()).isEqualTo("proposal-sent");
        assertThat(body.path("version").asLong()).isEqualTo(10);
        assertThat(won.etag()).isEqualTo("\"10\"");
        assertThat(body.path("closedAt").isMissingNode()).isFalse();
        assertThat(body.path("tags").toString()).isEqualTo("[\"tender\"]");
        assertThat(body.path("attachments").get(0).path("name").asString()).isEqualTo("Специфікація");
        assertThat(body.path("fields").path("installationAddress").asString()).isEqualTo("Київ, вул. Садова, 1");

        List<String> types = new ArrayList<>();
        api.get(deal + "/history").body().forEach(entry -> types.add(entry.path("type").asString()));
        assertThat(types).containsExactly("DealOpened", "DealFieldsUpdated", "DealStageChanged", "DealStageChanged",
                "DealStageChanged", "DealFieldsUpdated", "DealTagged", "DealUntagged", "DealDocumentAttached",
                "DealStageChanged", "DealWon");
        JsonNode first = api.get(deal + "/history").body().get(0);
        assertThat(first.path("sequence").asLong()).isZero();
        assertThat(first.path("actor").asString()).isEqualTo("it-user");
        assertThat(first.path("pipelineVersion").asInt()).isEqualTo(1);
        // the board is written in the command's transaction, before the event is read back: same instants anyway
        JsonNode history = api.get(deal + "/history").body();
        assertThat(Instant.parse(body.path("openedAt").asString()))
                .isEqualTo(Instant.parse(first.path("occurredAt").asString()));
        assertThat(Instant.parse(body.path("closedAt").asString()))
                .isEqualTo(Instant.parse(history.get(history.size() - 1).path("occurredAt").asString()));
    }

    @Test
    void everyRefusalAnswersItsProblemTypeAndWritesNothing() {
        String id = api.openDeal(salesDealWithContact());
        String deal = "/api/v1/deals/" + id;

        assertRefusedWithoutWriting(id, 422, ProblemTypes.STAGE_SKIP_NOT_ALLOWED,
                () -> api.post(deal + "/stage", stage("proposal", "hurry")));
        assertRefusedWithoutWriting(id, 422, ProblemTypes.REQUIRED_FIELDS_MISSING,
                () -> api.post(deal + "/stage", stage("needs-identified")));
        assertRefusedWithoutWriting(id, 422, ProblemTypes.UNKNOWN_STAGE,
                () -> api.post(deal + "/stage", stage("client-is-thinking")));
        assertRefusedWithoutWriting(id, 422, ProblemTypes.ALREADY_IN_STAGE,
                () -> api.post(deal + "/stage", stage("new-inquiry")));
        assertRefusedWithoutWriting(id, 422, ProblemTypes.WON_ONLY_FROM_LAST_STAGE,
                () -> api.post(deal + "/won", null));
        assertRefusedWithoutWriting(id, 422, ProblemTypes.LOSS_REASON_REQUIRED,
                () -> api.post(deal + "/lost", Map.of("comment", "went quiet")));
        assertRefusedWithoutWriting(id, 422, ProblemTypes.UNKNOWN_LOSS_REASON,
                () -> api.post(deal + "/lost", Map.of("reasonCode", "client-is-thinking", "comment", "later")));
        assertRefusedWithoutWriting(id, 422, ProblemTypes.LOSS_COMMENT_REQUIRED,
                () -> api.post(deal + "/lost", Map.of("reasonCode", "price")));
        Map<String, Object> clearSource = new HashMap<>();
        clearSource.put("source", null);
        assertRefusedWithoutWriting(id, 422, ProblemTypes.REQUIRED_FIELDS_MISSING,
                () -> api.patch(deal + "/fields", clearSource, h -> {
                }));
        assertRefusedWithoutWriting(id, 400, ProblemTypes.MALFORMED_REQUEST,
                () -> api.post(deal + "/stage", "{\"stageId\": "));
        assertRefusedWithoutWriting(id, 400, ProblemTypes.INVALID_REQUEST,
                () -> api.post(deal + "/stage", Map.of("stageId", " ")));
        assertRefusedWithoutWriting(id, 400, ProblemTypes.INVALID_REQUEST,
                () -> api.patch(deal + "/fields", Map.of("bad name!", "x"), h -> {
                }));
        assertRefusedWithoutWriting(id, 400, ProblemTypes.INVALID_REQUEST,
                () -> api.post(deal + "/attachments", Map.of("name", "scan", "uri", "not a uri",
                        "contentType", "application/pdf")));

        ApiResponse lost = api.post(deal + "/lost", Map.of("reasonCode", "price", "comment", "Ціна зависока"));
        assertThat(lost.status()).isEqualTo(200);
        assertThat(lost.body().path("lossReason").path("stageId").asString()).isEqualTo("new-inquiry");
        assertRefusedWithoutWriting(id, 422, ProblemTypes.DEAL_CLOSED,
                () -> api.post(deal + "/manager", Map.of("managerId", "taras")));
    }

    @Test
    void badInputToOpenADealNamesTheFieldAndCreatesNothing() {
        String manager = "manager-" + UUID.randomUUID();
        Map<String, Object> tooLong = salesDealWithContact();
        tooLong.put("managerId", manager);
        tooLong.put("title", "я".repeat(201));
        ApiResponse refused = api.post("/api/v1/deals", tooLong);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().path("errors").toString()).contains("title");

        Map<String, Object> unknownPipeline = salesDealWithContact();
        unknownPipeline.put("managerId", manager);
        unknownPipeline.put("pipelineId", "no-such-pipeline");
        assertThat(api.post("/api/v1/deals", unknownPipeline).problemType()).isEqualTo(ProblemTypes.PIPELINE_NOT_FOUND);

        Map<String, Object> missingFields = salesDealWithContact();
        missingFields.put("managerId", manager);
        missingFields.put("fields", Map.of("contactName", "Іван"));
        ApiResponse missing = api.post("/api/v1/deals", missingFields);
        assertThat(missing.status()).isEqualTo(422);
        assertThat(missing.body().path("missingFields").toString()).contains("source", "phone|email");

        assertThat(api.get("/api/v1/deals?managerId=" + manager + "&status=OPEN").body().path("total").asLong())
                .isZero();
        assertThat(api.get("/api/v1/deals/" + UUID.randomUUID()).problemType()).isEqualTo(ProblemTypes.DEAL_NOT_FOUND);
        assertThat(api.post("/api/v1/deals/" + UUID.randomUUID() + "/won", null).status()).isEqualTo(404);
    }

    @Test
    void theSameIdempotencyKeyAndBodyAnswersTheFirstResponseAndCreatesOneDeal() {
        String manager = "manager-" + UUID.randomUUID();
        Map<String, Object> request = salesDealManagedBy(manager);
        String key = UUID.randomUUID().toString();

        ApiResponse first = api.post("/api/v1/deals", request, h -> h.set(DealflowHeaders.IDEMPOTENCY_KEY, key));
        ApiResponse replay = api.post("/api/v1/deals", request, h -> h.set(DealflowHeaders.IDEMPOTENCY_KEY, key));

        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(replay.headers().getLocation()).isEqualTo(first.headers().getLocation());
        assertThat(replay.headers().getFirst(DealflowHeaders.IDEMPOTENT_REPLAYED)).isEqualTo("true");
        assertThat(api.get("/api/v1/deals?managerId=" + manager).body().path("total").asLong()).isEqualTo(1);

        request.put("title", "Another title");
        ApiResponse reused = api.post("/api/v1/deals", request, h -> h.set(DealflowHeaders.IDEMPOTENCY_KEY, key));
        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.problemType()).isEqualTo(ProblemTypes.IDEMPOTENCY_KEY_REUSED);
        assertThat(api.get("/api/v1/deals?managerId=" + manager).body().path("total").asLong()).isEqualTo(1);
    }

    /**
     * DESIGN §9: a command and its key's stored answer are two transactions, so the instance may die between them.
     * The retry that takes the abandoned key over is then answered by the command's effect: it neither opens a
     * second deal nor refuses the stage change it made itself ("already in stage").
     */
    @Test
    void aRetryTakingOverARequestWhoseAnswerWasLostIsAnsweredByWhatTheRequestDid() {
        String manager = "manager-" + UUID.randomUUID();
        Map<String, Object> request = salesDealManagedBy(manager);
        String openKey = UUID.randomUUID().toString();
        ApiResponse opened = postUnder(openKey, "/api/v1/deals", request);
        assertThat(opened.status()).isEqualTo(201);
        String id = opened.body().path("id").asString();

        loseTheStoredAnswerOf(openKey);
        ApiResponse reopened = postUnder(openKey, "/api/v1/deals", request);
        assertThat(reopened.status()).as(reopened.body().toString()).isEqualTo(201);
        assertThat(reopened.headers().getFirst(DealflowHeaders.IDEMPOTENT_REPLAYED)).as("run, not replayed").isNull();
        assertThat(reopened.body().path("id").asString()).isEqualTo(id);
        assertThat(api.get("/api/v1/deals?managerId=" + manager).body().path("total").asLong()).isEqualTo(1);

        String deal = "/api/v1/deals/" + id;
        ok(api.patch(deal + "/fields", Map.of("equipmentCategories", "lathes"), h -> {
        }));
        String moveKey = UUID.randomUUID().toString();
        ApiResponse moved = postUnder(moveKey, deal + "/stage", stage("needs-identified"));
        assertThat(moved.status()).isEqualTo(200);

        loseTheStoredAnswerOf(moveKey);
        ApiResponse again = postUnder(moveKey, deal + "/stage", stage("needs-identified"));
        assertThat(again.status()).as(again.body().toString()).isEqualTo(200);
        assertThat(again.etag()).isEqualTo(moved.etag());
        assertThat(again.body().path("stageId").asString()).isEqualTo("needs-identified");
        assertThat(api.get(deal + "/history").body().findValuesAsString("type"))
                .containsExactly("DealOpened", "DealFieldsUpdated", "DealStageChanged");

        // a taken-over request that had changed nothing is decided again, and refused again
        String skipKey = UUID.randomUUID().toString();
        ApiResponse skip = postUnder(skipKey, deal + "/stage", stage("proposal-sent"));
        assertThat(skip.status()).isEqualTo(422);
        loseTheStoredAnswerOf(skipKey);
        ApiResponse skipAgain = postUnder(skipKey, deal + "/stage", stage("proposal-sent"));
        assertThat(skipAgain.status()).isEqualTo(422);
        assertThat(skipAgain.problemType()).isEqualTo(skip.problemType());
        assertThat(api.get(deal).etag()).isEqualTo(moved.etag());
    }

    /**
     * The deal id of a {@code POST} under a key is derived from the key, so the same key reused for another deal once
     * its first use was purged (after the retention) is refused rather than answered with the first deal.
     */
    @Test
    void aKeyReusedAfterItsRetentionForAnotherDealIsRefusedAndOpensNothing() {
        String manager = "manager-" + UUID.randomUUID();
        Map<String, Object> request = salesDealManagedBy(manager);
        String key = UUID.randomUUID().toString();
        assertThat(postUnder(key, "/api/v1/deals", request).status()).isEqualTo(201);
        assertThat(jdbc.update("DELETE FROM idempotency_keys WHERE key LIKE ?", "%\n" + key)).isOne();

        request.put("title", "Another deal altogether");
        ApiResponse reused = postUnder(key, "/api/v1/deals", request);

        assertThat(reused.status()).isEqualTo(409);
        assertThat(reused.problemType()).isEqualTo(ProblemTypes.DEAL_ID_TAKEN);
        assertThat(api.get("/api/v1/deals?managerId=" + manager).body().path("total").asLong()).isEqualTo(1);
    }

    private ApiResponse postUnder(String idempotencyKey, String path, Object body) {
        return api.post(path, body, h -> h.set(DealflowHeaders.IDEMPOTENCY_KEY, idempotencyKey));
    }

    /** As an instance that died after the request's command but before its answer was stored leaves the key. */
    private void loseTheStoredAnswerOf(String key) {
        int updated = jdbc.update("""
                UPDATE idempotency_keys
                SET status = NULL, headers = NULL, body = NULL, completed_at = NULL,
                    created_at = created_at - interval '1 hour'
                WHERE key LIKE ?""", "%\n" + key);
        assertThat(updated).isOne();
    }

    @Test
    void aDealOpenedUnderAChosenIdOpensOnceHoweverOftenTheSameRequestArrives() throws Exception {
        HttpApi service = api.as(DemoClient.HANDOFF_SERVICE);
        String id = UUID.randomUUID().toString();
        String deal = "/api/v1/deals/" + id;
        Map<String, Object> request = salesDealWithContact();

        ApiResponse first = service.put(deal, request);
        assertThat(first.status()).as(first.body().toString()).isEqualTo(201);
        assertThat(first.body().path("id").asString()).isEqualTo(id);
        assertThat(first.etag()).isEqualTo("\"0\"");
        ok(api.post(deal + "/tags", Map.of("add", List.of("tender"))));

        ApiResponse again = service.put(deal, request);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body().path("id").asString()).isEqualTo(id);
        assertThat(again.etag()).as("the deal as it is now").isEqualTo("\"1\"");

        String racing = "/api/v1/deals/" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Integer> statuses = new ArrayList<>();
        try {
            List<Future<ApiResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(pool.submit(() -> service.put(racing, request)));
            }
            for (Future<ApiResponse> call : calls) {
                statuses.add(call.get().status());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(statuses).as("one opened it, the others were answered by it").containsOnly(201, 200)
                .containsOnlyOnce(201);
        assertThat(api.get(racing + "/history").body()).hasSize(1);
    }

    @Test
    void aChosenIdOfADealOpenedByAnotherRequestIsRefusedAndChangesNothing() {
        HttpApi service = api.as(DemoClient.HANDOFF_SERVICE);
        String deal = "/api/v1/deals/" + UUID.randomUUID();
        assertThat(service.put(deal, salesDealWithContact()).status()).isEqualTo(201);
        Map<String, Object> other = salesDealWithContact();
        other.put("title", "Another deal");

        ApiResponse taken = service.put(deal, other);
        ApiResponse notAUuid = service.put("/api/v1/deals/Not-A-Uuid", salesDealWithContact());

        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.problemType()).isEqualTo(ProblemTypes.DEAL_ID_TAKEN);
        assertThat(api.get(deal).body().path("title").asString()).isEqualTo(salesDealWithContact().get("title"));
        assertThat(api.get(deal + "/history").body()).hasSize(1);
        assertThat(notAUuid.status()).isEqualTo(400);
        assertThat(notAUuid.body().toString()).contains("dealId");
        assertThat(api.put(deal, salesDealWithContact()).status()).as("only services choose ids").isEqualTo(403);
    }

    @Test
    void aStaleIfMatchIsRefusedWith412AndTheCurrentOneIsAccepted() {
        String deal = "/api/v1/deals/" + api.openDeal(salesDealWithContact());
        ok(api.post(deal + "/tags", Map.of("add", List.of("urgent"))));

        ApiResponse stale = api.post(deal + "/manager", Map.of("managerId", "taras"), h -> h.setIfMatch("\"0\""));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.problemType()).isEqualTo(ProblemTypes.PRECONDITION_FAILED);
        assertThat(api.get(deal).body().path("managerId").asString()).isEqualTo("olena");

        String current = api.get(deal).etag();
        ApiResponse accepted = api.post(deal + "/manager", Map.of("managerId", "taras"), h -> h.setIfMatch(current));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("managerId").asString()).isEqualTo("taras");
    }

    @Test
    void theBoardShowsOpenDealsByDefaultWithFiltersAndPages() {
        String manager = "manager-" + UUID.randomUUID();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Map<String, Object> request = salesDealWithContact();
            request.put("managerId", manager);
            ids.add(api.openDeal(request));
        }
        ok(api.post("/api/v1/deals/" + ids.get(0) + "/lost", Map.of("reasonCode", "price", "comment", "too dear")));

        JsonNode page0 = api.get("/api/v1/deals?managerId=" + manager + "&pipelineId=sales&stageId=new-inquiry"
                + "&size=1&page=0").body();
        assertThat(page0.path("total").asLong()).isEqualTo(2);
        assertThat(page0.path("size").asInt()).isEqualTo(1);
        assertThat(page0.path("items").get(0).path("id").asString()).isEqualTo(ids.get(1));
        JsonNode page1 = api.get("/api/v1/deals?managerId=" + manager + "&size=1&page=1").body();
        assertThat(page1.path("items").get(0).path("id").asString()).isEqualTo(ids.get(2));
        JsonNode lost = api.get("/api/v1/deals?managerId=" + manager + "&status=LOST").body();
        assertThat(lost.path("items").get(0).path("id").asString()).isEqualTo(ids.get(0));
        assertThat(api.get("/api/v1/deals?size=1000").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/deals?status=THINKING").status()).isEqualTo(400);
    }

    @Test
    void aChangedPipelineIsANewVersionAndAnInvalidOneIsRefused() {
        String pipelineId = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> definition = new HashMap<>(Map.of(
                "name", "Тест", "department", "qa", "skipMode", "STRICT", "backwardMode", "FORBIDDEN",
                "stages", List.of(Map.of("id", "first", "name", "Перший", "sla", "P1D",
                        "task", Map.of("title", "Call", "dueIn", "PT4H"))),
                "lossReasons", List.of(Map.of("code", "price", "label", "Price"))));
        HttpApi admin = api.as(DemoClient.DEALFLOW_ADMIN);
        ApiResponse created = admin.put("/api/v1/pipelines/" + pipelineId, definition);
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().path("version").asInt()).isEqualTo(1);
        assertThat(admin.put("/api/v1/pipelines/" + pipelineId, definition).body().path("version").asInt())
                .isEqualTo(1);

        definition.put("stages", List.of(Map.of("id", "first", "name", "Перший", "sla", "P1D"),
                Map.of("id", "first", "name", "Again", "sla", "P1D", "task", Map.of("title", "x", "dueIn", "PT1H"))));
        ApiResponse invalid = admin.put("/api/v1/pipelines/" + pipelineId, definition);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.problemType()).isEqualTo(ProblemTypes.PIPELINE_DEFINITION_INVALID);
        assertThat(invalid.body().path("violations").toString()).contains("stages[0].task", "stages[1].id");

        definition.put("stages", List.of(Map.of("id", "first", "name", "Перший", "sla", "P2D",
                "task", Map.of("title", "Call", "dueIn", "PT4H"))));
        assertThat(admin.put("/api/v1/pipelines/" + pipelineId, definition).body().path("version").asInt())
                .isEqualTo(2);
        assertThat(api.get("/api/v1/pipelines/" + pipelineId + "?version=1").body().path("stages").get(0)
                .path("sla").asString()).isEqualTo("PT24H");
        assertThat(admin.get("/api/v1/pipelines").body().toString()).contains("\"id\":\"sales\"", pipelineId);
        assertThat(api.get("/api/v1/pipelines/nope").status()).isEqualTo(404);
    }

    @Test
    void healthAndMetricsAreServedWithoutATokenOnTheManagementPortOnlyAndOpenApiOnTheApiPort() {
        api.openDeal(salesDealWithContact());
        HttpApi management = new HttpApi(managementPort).anonymous();
        assertThat(management.get("/actuator/health").body().path("status").asString()).isEqualTo("UP");
        assertThat(management.get("/actuator/health/readiness").status()).isEqualTo(200);
        ApiResponse prometheus = management.call(HttpMethod.GET, "/actuator/prometheus", null,
                h -> h.set(HttpHeaders.ACCEPT, "text/plain"));
        assertThat(prometheus.status()).isEqualTo(200);
        assertThat(prometheus.body().asString())
                .containsPattern("dealflow_deal_events_total\\{[^}]*pipeline=\"sales\"[^}]*type=\"DealOpened\"")
                .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-");
        assertThat(api.anonymous().get("/v3/api-docs").body().path("paths").has("/api/v1/deals/{dealId}/stage"))
                .isTrue();
        assertThat(api.get("/actuator/health").status()).as("no actuator on the API port").isIn(403, 404);
        assertThat(api.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(management.get("/api/v1/deals").status()).as("no API on the management port").isIn(401, 404);
    }

    private void assertRefusedWithoutWriting(String dealId, int status, String problemType,
                                             Supplier<ApiResponse> request) {
        int before = api.get("/api/v1/deals/" + dealId + "/history").body().size();
        ApiResponse refused = request.get();
        assertThat(refused.status()).as(problemType + ": " + refused.body()).isEqualTo(status);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.problemType()).isEqualTo(problemType);
        assertThat(refused.body().path("detail").asString()).isNotBlank();
        assertThat(api.get("/api/v1/deals/" + dealId + "/history").body().size()).isEqualTo(before);
    }

    private static void ok(ApiResponse response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
    }

    private static Map<String, Object> salesDealManagedBy(String manager) {
        Map<String, Object> request = salesDealWithContact();
        request.put("managerId", manager);
        return request;
    }
}
