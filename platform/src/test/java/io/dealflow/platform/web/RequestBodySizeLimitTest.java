package io.dealflow.platform.web;

import io.dealflow.api.DealflowHeaders;
import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.TestAuthServer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

@PlatformWebTest
class RequestBodySizeLimitTest {

    private static final int LIMIT = PlatformWebTest.MAX_BODY_BYTES;
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Autowired
    RestTestClient http;
    @Autowired
    OrdersController orders;
    @LocalServerPort
    int port;

    @Test
    void aBodyAtTheLimitIsAccepted() {
        String name = uniqueName();
        http.post().uri("/api/test/orders").contentType(MediaType.APPLICATION_JSON)
                .body(orderOfSize(name, LIMIT)).exchange()
                .expectStatus().isCreated();

        assertThat(orders.invocationsOf(name)).isOne();
    }

    @Test
    void aBodyAnnouncedLargerThanTheLimitIsRefusedBeforeTheHandlerRuns() {
        String name = uniqueName();
        http.post().uri("/api/test/orders").contentType(MediaType.APPLICATION_JSON)
                .body(orderOfSize(name, LIMIT + 1)).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo(ProblemTypes.uri(ProblemTypes.PAYLOAD_TOO_LARGE).toString())
                .jsonPath("$.maxBodyBytes").isEqualTo(LIMIT);

        assertThat(orders.invocationsOf(name)).isZero();
    }

    @Test
    void aChunkedBodyThatGrowsPastTheLimitIsRefused() throws Exception {
        String name = uniqueName();
        HttpResponse<String> response = sendChunked(orderOfSize(name, 3 * LIMIT), null);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(json(response).path("type").asString())
                .isEqualTo(ProblemTypes.uri(ProblemTypes.PAYLOAD_TOO_LARGE).toString());
        assertThat(orders.invocationsOf(name)).isZero();
    }

    @Test
    void aChunkedBodyPastTheLimitIsRefusedEvenWhenTheIdempotencyFilterReadsIt() throws Exception {
        String name = uniqueName();
        HttpResponse<String> response = sendChunked(orderOfSize(name, 3 * LIMIT), UUID.randomUUID().toString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("type").asString())
                .isEqualTo(ProblemTypes.uri(ProblemTypes.PAYLOAD_TOO_LARGE).toString());
        assertThat(orders.invocationsOf(name)).isZero();
    }

    /** The JDK client sends a body of unknown length chunked, without {@code Content-Length}. */
    private HttpResponse<String> sendChunked(String body, String idempotencyKey) throws Exception {
        URI orders = URI.create("http://localhost:" + port + "/api/test/orders");
        HttpRequest.Builder request = HttpRequest.newBuilder(orders)
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + TestAuthServer.shared().token(DemoClient.DEMO_INTEGRATION))
                .POST(HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        if (idempotencyKey != null) {
            request.header(DealflowHeaders.IDEMPOTENCY_KEY, idempotencyKey);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** An order request padded with an ignored member to exactly {@code size} bytes. */
    private static String orderOfSize(String name, int size) {
        String prefix = "{\"name\":\"" + name + "\",\"quantity\":1,\"padding\":\"";
        String suffix = "\"}";
        return prefix + "x".repeat(size - prefix.length() - suffix.length()) + suffix;
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    private static String uniqueName() {
        return "order-" + UUID.randomUUID();
    }
}
