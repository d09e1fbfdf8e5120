package io.dealflow.api.access;

import io.dealflow.api.DealflowHeaders;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;

/**
 * A request to a Dealflow API as its plain Java clients send it (the launcher's demo traffic, the soak): JSON
 * accepted, the caller's bearer token, the person an integration client acts for ({@code X-Actor}), an
 * {@code Idempotency-Key}, and a JSON body or none. The two optional headers are left out when null.
 */
public final class ApiRequests {

    private ApiRequests() {
    }

    public static HttpRequest json(String method, String url, ClientCredentialsTokens caller, String actor,
                                   String idempotencyKey, String jsonBody, Duration timeout) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", caller.authorization());
        if (actor != null) {
            request.header(DealflowHeaders.ACTOR, actor);
        }
        if (idempotencyKey != null) {
            request.header(DealflowHeaders.IDEMPOTENCY_KEY, idempotencyKey);
        }
        if (jsonBody == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody()).build();
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(jsonBody)).build();
    }
}
