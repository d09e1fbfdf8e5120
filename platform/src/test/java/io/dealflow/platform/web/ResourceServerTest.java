package io.dealflow.platform.web;

import io.dealflow.api.ProblemTypes;
import io.dealflow.platform.testing.DemoClient;
import io.dealflow.platform.testing.Forgery;
import io.dealflow.platform.testing.TestAuthServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** platform's resource-server configuration as a service gets it, with tokens of the real authorization server. */
@PlatformWebTest
class ResourceServerTest {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Test
    void aRequestWithoutATokenIsChallengedWithAProblem() throws Exception {
        HttpResponse<String> response = get("/api/test/widgets", null, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Bearer");
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(type(response)).isEqualTo(ProblemTypes.AUTHENTICATION_REQUIRED);
    }

    @ParameterizedTest
    @EnumSource(Forgery.class)
    void aTokenThatIsNotValidIsChallengedAsInvalid(Forgery forgery) throws Exception {
        String forged = TestAuthServer.shared().forge().forged(forgery, "demo-integration", List.of("integration"),
                List.of("*"));

        HttpResponse<String> response = get("/api/test/widgets", forged, null);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).get().asString()
                .startsWith("Bearer").contains("error=\"invalid_token\"");
        assertThat(type(response)).isEqualTo(ProblemTypes.INVALID_TOKEN);
    }

    @Test
    void aValidTokenOfAnAllowedRoleGoesThrough() throws Exception {
        assertThat(get("/api/test/actor", token(DemoClient.DEMO_INTEGRATION), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aValidTokenOfAnotherRoleIsForbiddenNamingTheRole() throws Exception {
        HttpResponse<String> response = get("/api/test/widgets", token(DemoClient.SALES_HEAD), null);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(type(response)).isEqualTo(ProblemTypes.ROLE_REQUIRED);
        assertThat(json(response).path("requiredRoles").toString()).isEqualTo("[\"integration\"]");
    }

    @Test
    void aPathWithoutAHandlerIsStillA404ForACallerAndA401ForNobody() throws Exception {
        assertThat(get("/api/test/no-such-thing", token(DemoClient.DEMO_INTEGRATION), null).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/test/no-such-thing", null, null).statusCode()).isEqualTo(401);
    }

    @Test
    void theActorIsTheSubjectOrThePersonAnIntegrationClientNames() throws Exception {
        JsonNode own = json(get("/api/test/actor", token(DemoClient.DEMO_INTEGRATION), null));
        assertThat(own.path("person").asString()).isEqualTo("demo-integration");
        assertThat(own.path("clientId").asString()).isEqualTo("demo-integration");

        JsonNode named = json(get("/api/test/actor", token(DemoClient.DEMO_INTEGRATION), "olena"));
        assertThat(named.path("person").asString()).isEqualTo("olena");
        assertThat(named.path("clientId").asString()).isEqualTo("demo-integration");

        HttpResponse<String> head = get("/api/test/actor", token(DemoClient.SALES_HEAD), "olena");
        assertThat(head.statusCode()).isEqualTo(403);
        assertThat(type(head)).isEqualTo(ProblemTypes.ACTOR_NOT_ALLOWED);
        assertThat(json(get("/api/test/actor", token(DemoClient.SALES_HEAD), null)).path("person").asString())
                .isEqualTo("sales-head");
    }

    @Test
    void anIdempotencyKeyIsTheCallersOwn() throws Exception {
        String key = java.util.UUID.randomUUID().toString();
        String body = "{\"name\":\"order-" + key + "\",\"quantity\":1}";
        String other = TestAuthServer.shared().forge().token("another-integration", List.of("integration"),
                List.of("*"));

        HttpResponse<String> first = post("/api/test/orders", token(DemoClient.DEMO_INTEGRATION), key, body);
        HttpResponse<String> replay = post("/api/test/orders", token(DemoClient.DEMO_INTEGRATION), key, body);
        HttpResponse<String> othersFirst = post("/api/test/orders", other, key, body);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(replay.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        assertThat(othersFirst.statusCode()).isEqualTo(201);
        assertThat(othersFirst.headers().firstValue("Idempotent-Replayed")).isEmpty();
    }

    private HttpResponse<String> post(String path, String token, String idempotencyKey, String body)
            throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", idempotencyKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String token, String actor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (actor != null) {
            request.header("X-Actor", actor);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String token(DemoClient client) {
        return TestAuthServer.shared().token(client);
    }

    private static JsonNode json(HttpResponse<String> response) {
        return JsonMapper.shared().readTree(response.body());
    }

    private static String type(HttpResponse<String> response) {
        String type = json(response).path("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
    }
}
