package io.dealflow.platform.testing;

import io.dealflow.api.DealflowHeaders;
import io.dealflow.api.json.DealflowJson;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;
import tools.jackson.databind.node.StringNode;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * A Dealflow service's REST API as a test drives it, over real HTTP, with a real token of the test authorization
 * server. By default it calls as {@code demo-integration} acting for the person {@value #TEST_PERSON}; {@link #as},
 * {@link #withToken} and {@link #anonymous} call as someone else. Never throws on 4xx/5xx: tests assert them.
 */
public final class HttpApi {

    /** Whom the default caller says it acts for, in {@code X-Actor}. */
    public static final String TEST_PERSON = "it-user";

    private final RestClient http;
    private final String baseUrl;
    private final Supplier<String> token;
    private final String actor;

    public HttpApi(int port) {
        this("http://127.0.0.1:" + port);
    }

    public HttpApi(String baseUrl) {
        this(baseUrl, () -> TestAuthServer.shared().token(DemoClient.DEMO_INTEGRATION), TEST_PERSON);
    }

    private HttpApi(String baseUrl, Supplier<String> token, String actor) {
        this.baseUrl = baseUrl;
        this.http = RestClient.builder().baseUrl(baseUrl).build();
        this.token = token;
        this.actor = actor;
    }

    /** The same API called with a demo client's token, naming nobody in {@code X-Actor}. */
    public HttpApi as(DemoClient client) {
        return new HttpApi(baseUrl, () -> TestAuthServer.shared().token(client), null);
    }

    /** The same API called with this token (a forged one, say), naming nobody in {@code X-Actor}. */
    public HttpApi withToken(String rawToken) {
        return new HttpApi(baseUrl, () -> rawToken, null);
    }

    /** The same API called without any token. */
    public HttpApi anonymous() {
        return new HttpApi(baseUrl, null, null);
    }

    /** The same caller, saying in {@code X-Actor} that it acts for {@code person}. */
    public HttpApi actingFor(String person) {
        return new HttpApi(baseUrl, token, person);
    }

    public ApiResponse get(String path) {
        return call(HttpMethod.GET, path, null, headers -> {
        });
    }

    public ApiResponse post(String path, Object body) {
        return call(HttpMethod.POST, path, body, headers -> {
        });
    }

    public ApiResponse post(String path, Object body, Consumer<HttpHeaders> headers) {
        return call(HttpMethod.POST, path, body, headers);
    }

    public ApiResponse patch(String path, Object body, Consumer<HttpHeaders> headers) {
        return call(HttpMethod.PATCH, path, body, headers);
    }

    public ApiResponse put(String path, Object body) {
        return call(HttpMethod.PUT, path, body, headers -> {
        });
    }

    /** A POST of a CSV body (an import of deal history), as {@code text/csv}. */
    public ApiResponse postCsv(String path, String csv) {
        return send(HttpMethod.POST, path, csv.getBytes(StandardCharsets.UTF_8), MediaType.parseMediaType("text/csv"),
                headers -> {
                });
    }

    /** Opens a deal through deal-service and returns its id; fails the test when deal-service refuses. */
    public String openDeal(Map<String, Object> request) {
        ApiResponse created = post("/api/v1/deals", request);
        if (created.status() != 201) {
            throw new AssertionError("Expected 201 opening a deal, got " + created.status() + ": " + created.body());
        }
        return created.body().path("id").asString();
    }

    public ApiResponse call(HttpMethod method, String path, Object body, Consumer<HttpHeaders> headers) {
        byte[] bytes = body == null ? null : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                : DealflowJson.mapper().writeValueAsBytes(body);
        return send(method, path, bytes, MediaType.APPLICATION_JSON, headers);
    }

    private ApiResponse send(HttpMethod method, String path, byte[] body, MediaType contentType,
                             Consumer<HttpHeaders> headers) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).headers(h -> {
            if (token != null) {
                h.setBearerAuth(token.get());
            }
            if (actor != null) {
                h.set(DealflowHeaders.ACTOR, actor);
            }
            headers.accept(h);
        });
        if (body != null) {
            request.contentType(contentType).body(body);
        }
        return request.exchange((req, res) -> {
            byte[] bytes = res.getBody().readAllBytes();
            MediaType type = res.getHeaders().getContentType();
            boolean isJson = type != null && type.getSubtype().contains("json");
            JsonNode json = bytes.length == 0 ? MissingNode.getInstance()
                    : isJson ? DealflowJson.mapper().readTree(bytes)
                    : StringNode.valueOf(new String(bytes, StandardCharsets.UTF_8));
            return new ApiResponse(res.getStatusCode().value(), res.getHeaders(), json,
                    type == null ? null : type.toString());
        });
    }
}
