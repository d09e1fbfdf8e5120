package io.dealflow.platform.web.idempotency;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.web.OrdersController;
import io.dealflow.platform.web.OrdersController.Gate;
import io.dealflow.platform.web.PlatformWebTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.dealflow.api.DealflowHeaders.IDEMPOTENCY_KEY;
import static io.dealflow.api.DealflowHeaders.IDEMPOTENT_REPLAYED;
import static org.assertj.core.api.Assertions.assertThat;

@PlatformWebTest
class IdempotencyKeyTest {

    @Autowired
    RestTestClient http;
    @Autowired
    OrdersController orders;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRetryGetsTheFirstResponseAgainWithoutRunningTheHandler() {
        String key = newKey();
        String name = newName();

        EntityExchangeResult<byte[]> first = post("/api/test/orders", key, order(name, 2))
                .expectStatus().isCreated()
                .expectHeader().doesNotExist(IDEMPOTENT_REPLAYED)
                .expectBody().returnResult();
        EntityExchangeResult<byte[]> retry = post("/api/test/orders", key, order(name, 2))
                .expectStatus().isCreated()
                .expectHeader().valueEquals(IDEMPOTENT_REPLAYED, "true")
                .expectBody().returnResult();

        assertThat(orders.invocationsOf(name)).isOne();
        assertThat(retry.getResponseBody()).isEqualTo(first.getResponseBody());
        HttpHeaders firstHeaders = first.getResponseHeaders();
        HttpHeaders retryHeaders = retry.getResponseHeaders();
        assertThat(retryHeaders.getLocation()).isEqualTo(firstHeaders.getLocation()).isNotNull();
        assertThat(retryHeaders.getETag()).isEqualTo(firstHeaders.getETag()).isNotNull();
        assertThat(retryHeaders.getContentType()).isEqualTo(firstHeaders.getContentType());
    }

    @Test
    void theSameKeyOnADifferentBodyIsRefusedAsReused() {
        String key = newKey();
        String name = newName();
        post("/api/test/orders", key, order(name, 1)).expectStatus().isCreated();

        reused(post("/api/test/orders", key, order(name, 5)));

        assertThat(orders.invocationsOf(name)).isOne();
    }

    @Test
    void theSameKeyOnADifferentEndpointIsRefusedAsReused() {
        String key = newKey();
        String name = newName();
        post("/api/test/orders", key, order(name, 1)).expectStatus().isCreated();

        reused(post("/api/test/orders/refused", key, order(name, 1)));

        assertThat(orders.invocationsOf(name)).isOne();
    }

    @Test
    void aServerErrorFreesTheKeySoThatTheClientCanRetry() {
        String key = newKey();
        String name = newName();

        post("/api/test/orders/flaky", key, order(name, 1)).expectStatus().isEqualTo(500);
        post("/api/test/orders/flaky", key, order(name, 1)).expectStatus().isCreated()
                .expectHeader().doesNotExist(IDEMPOTENT_REPLAYED);
        post("/api/test/orders/flaky", key, order(name, 1)).expectStatus().isCreated()
                .expectHeader().valueEquals(IDEMPOTENT_REPLAYED, "true");

        assertThat(orders.invocationsOf(name)).isEqualTo(2);
    }

    @Test
    void a202IsNeverStoredSoARetryGetsTheFinalAnswer() {
        String key = newKey();
        String name = newName();

        post("/api/test/orders/later", key, order(name, 1)).expectStatus().isAccepted();
        post("/api/test/orders/later", key, order(name, 1)).expectStatus().isCreated()
                .expectHeader().doesNotExist(IDEMPOTENT_REPLAYED);
        post("/api/test/orders/later", key, order(name, 1)).expectStatus().isCreated()
                .expectHeader().valueEquals(IDEMPOTENT_REPLAYED, "true");

        assertThat(orders.invocationsOf(name)).isEqualTo(2);
    }

    @Test
    void anAnswerThatAsksToBeRetriedIsNeverStored() {
        String key = newKey();
        String name = newName();

        post("/api/test/orders/not-yet", key, order(name, 1)).expectStatus().isEqualTo(409)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectBody().jsonPath("$.type")
                .isEqualTo(ProblemTypes.uri(ProblemTypes.DEAL_NOT_YET_KNOWN).toString());
        post("/api/test/orders/not-yet", key, order(name, 1)).expectStatus().isCreated()
                .expectHeader().doesNotExist(IDEMPOTENT_REPLAYED);

        assertThat(orders.invocationsOf(name)).isEqualTo(2);
    }

    @Test
    void aRefusalIsRememberedLikeAnyOtherAnswer() {
        String key = newKey();
        String name = newName();

        post("/api/test/orders/refused", key, order(name, 1)).expectStatus().isEqualTo(422);
        post("/api/test/orders/refused", key, order(name, 1)).expectStatus().isEqualTo(422)
                .expectHeader().valueEquals(IDEMPOTENT_REPLAYED, "true")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo(ProblemTypes.uri(ProblemTypes.DEAL_CLOSED).toString());

        assertThat(orders.invocationsOf(name)).isOne();
    }

    @Test
    void aKeyIsRefusedAsInFlightUntilItsFirstRequestHasCompleted() throws Exception {
        String key = newKey();
        String name = newName();
        Gate gate = orders.gateFor(name);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() ->
                post("/api/test/orders/slow", key, order(name, 1)).returnResult().getStatus().value());
        assertThat(gate.awaitEntered()).isTrue();

        post("/api/test/orders/slow", key, order(name, 1))
                .expectStatus().isEqualTo(409)
                .expectHeader().exists(HttpHeaders.RETRY_AFTER)
                .expectBody().jsonPath("$.type")
                .isEqualTo(ProblemTypes.uri(ProblemTypes.IDEMPOTENCY_KEY_IN_FLIGHT).toString());

        gate.open();
        assertThat(first.get()).isEqualTo(201);
        post("/api/test/orders/slow", key, order(name, 1)).expectStatus().isCreated()
                .expectHeader().valueEquals(IDEMPOTENT_REPLAYED, "true");
        assertThat(orders.invocationsOf(name)).isOne();
    }

    @Test
    void anAsynchronousHandlersResponseIsStoredAndReplayed() {
        String key = newKey();
        String name = newName();

        byte[] first = post("/api/test/orders/async", key, order(name, 1)).expectStatus().isCreated()
                .expectBody().returnResult().getResponseBody();
        byte[] retry = post("/api/test/orders/async", key, order(name, 1)).expectStatus().isCreated()
                .expectHeader().valueEquals(IDEMPOTENT_REPLAYED, "true")
                .expectBody().returnResult().getResponseBody();

        assertThat(retry).isEqualTo(first);
        assertThat(new String(first, StandardCharsets.UTF_8)).contains(name);
        assertThat(orders.invocationsOf(name)).isOne();
    }

    @Test
    void patchRequestsAreReplayedToo() {
        String key = newKey();
        String name = newName();

        http.patch().uri("/api/test/orders/7").header(IDEMPOTENCY_KEY, key).contentType(MediaType.APPLICATION_JSON)
                .body(order(name, 3)).exchange().expectStatus().isOk();
        http.patch().uri("/api/test/orders/7").header(IDEMPOTENCY_KEY, key).contentType(MediaType.APPLICATION_JSON)
                .body(order(name, 3)).exchange().expectStatus().isOk()
                .expectHeader().valueEquals(IDEMPOTENT_REPLAYED, "true");

        assertThat(orders.invocationsOf(name)).isOne();
    }

    @Test
    void requestsWithoutAKeyAreNeitherDeduplicatedNorStored() {
        String name = newName();
        long storedBefore = storedKeys();

        for (int i = 0; i < 2; i++) {
            http.post().uri("/api/test/orders").contentType(MediaType.APPLICATION_JSON).body(order(name, 1))
                    .exchange().expectStatus().isCreated();
        }

        assertThat(orders.invocationsOf(name)).isEqualTo(2);
        assertThat(storedKeys()).isEqualTo(storedBefore);
    }

    @Test
    void aKeyLongerThan255CharactersIsRejected() {
        String name = newName();

        post("/api/test/orders", "k".repeat(256), order(name, 1))
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemTypes.uri(ProblemTypes.INVALID_REQUEST).toString())
                .jsonPath("$.errors[0].field").isEqualTo(IDEMPOTENCY_KEY);

        assertThat(orders.invocationsOf(name)).isZero();
    }

    @Test
    void aKeyOf255CharactersIsAccepted() {
        post("/api/test/orders", "k".repeat(255), order(newName(), 1))
                .expectStatus().isCreated();
    }

    @Test
    void aClaimAbandonedLongerThanTheInFlightTimeoutIsTakenOver() {
        String key = newKey();
        String name = newName();
        String body = order(name, 1);
        // As left behind by an instance that died mid-request two minutes ago (the test timeout is one minute).
        jdbc.update("""
                        INSERT INTO idempotency_keys (key, fingerprint, created_at)
                        VALUES (?, ?, now() - interval '2 minutes')""",
                callersOwn(key), RequestFingerprint.of("POST", "/api/test/orders", null,
                        body.getBytes(StandardCharsets.UTF_8)));

        post("/api/test/orders", key, body).expectStatus().isCreated()
                .expectHeader().doesNotExist(IDEMPOTENT_REPLAYED);

        assertThat(orders.invocationsOf(name)).isOne();
        // the handler learns that an earlier run may have written its effect already
        assertThat(orders.claimSeenBy(name)).contains(new IdempotentRequest(callersOwn(key), true));
    }

    @Test
    void aHandlerSeesItsOwnClaimAsNotTakenOverOnAFirstRun() {
        String key = newKey();
        String name = newName();

        post("/api/test/orders", key, order(name, 1)).expectStatus().isCreated();

        assertThat(orders.claimSeenBy(name)).contains(new IdempotentRequest(callersOwn(key), false));
    }

    @Test
    void aRecentClaimIsNotTakenOver() {
        String key = newKey();
        String name = newName();
        String body = order(name, 1);
        jdbc.update("INSERT INTO idempotency_keys (key, fingerprint) VALUES (?, ?)",
                callersOwn(key), RequestFingerprint.of("POST", "/api/test/orders", null,
                        body.getBytes(StandardCharsets.UTF_8)));

        post("/api/test/orders", key, body).expectStatus().isEqualTo(409);

        assertThat(orders.invocationsOf(name)).isZero();
    }

    private RestTestClient.ResponseSpec post(String path, String key, String json) {
        return http.post().uri(path).header(IDEMPOTENCY_KEY, key).contentType(MediaType.APPLICATION_JSON).body(json)
                .exchange();
    }

    private static void reused(RestTestClient.ResponseSpec response) {
        response.expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type")
                .isEqualTo(ProblemTypes.uri(ProblemTypes.IDEMPOTENCY_KEY_REUSED).toString());
    }

    private long storedKeys() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM idempotency_keys", Long.class);
        return count == null ? 0 : count;
    }

    private static String order(String name, int quantity) {
        return "{\"name\":\"" + name + "\",\"quantity\":" + quantity + "}";
    }

    /** As the filter stores a key: under the caller's name, here the test client's subject. */
    private static String callersOwn(String key) {
        return DemoClient.DEMO_INTEGRATION.clientId() + "\n" + key;
    }

    private static String newKey() {
        return UUID.randomUUID().toString();
    }

    private static String newName() {
        return "order-" + UUID.randomUUID();
    }
}
