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

/** A Dealflow service's REST API as a test drives it, over real HTTP. Never throws on 4xx/5xx: tests assert them. */
public final class HttpApi {

    private final RestClient http;

    public HttpApi(int port) {
        this("http://127.0.0.1:" + port);
    }

    public HttpApi(String baseUrl) {
        this.http = RestClient.builder().baseUrl(baseUrl).build();
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

    /** Opens a deal through deal-service and returns its id; fails the test when deal-service refuses. */
    public String openDeal(Map<String, Object> request) {
        ApiResponse created = post("/api/v1/deals", request);
        if (created.status() != 201) {
            throw new AssertionError("Expected 201 opening a deal, got " + created.status() + ": " + created.body());
        }
        return created.body().path("id").asString();
    }

    public ApiResponse call(HttpMethod method, String path, Object body, Consumer<HttpHeaders> headers) {
        RestClient.RequestBodySpec request = http.method(method).uri(path).headers(h -> {
            h.set(DealflowHeaders.ACTOR, "it-user");
            headers.accept(h);
        });
        if (body != null) {
            byte[] bytes = body instanceof String text ? text.getBytes(StandardCharsets.UTF_8)
                    : DealflowJson.mapper().writeValueAsBytes(body);
            request.contentType(MediaType.APPLICATION_JSON).body(bytes);
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
