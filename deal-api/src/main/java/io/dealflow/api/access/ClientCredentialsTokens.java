package io.dealflow.api.access;

import io.dealflow.api.json.DealflowJson;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Access tokens of one OAuth 2.0 client by the client-credentials grant ({@code client_secret_basic}), for the plain
 * Java clients of Dealflow's API: the launcher's demo traffic, the bench, the deployment tests. A token is reused
 * until shortly before it expires, so a client asks the authorization server about once per token lifetime.
 * Thread-safe: many load-generator threads share one.
 */
public final class ClientCredentialsTokens {

    /** The local authorization server's demo clients have the secret {@code <client id>-secret} (DESIGN §6). */
    public static final String DEMO_SECRET_SUFFIX = "-secret";
    /** Where Spring Authorization Server (the local default) answers the grant, below its issuer. */
    public static final String TOKEN_PATH = "/oauth2/token";

    /** A token is renewed this long before it expires, so a request in flight never carries an expired one. */
    private static final Duration RENEW_BEFORE = Duration.ofSeconds(60);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final URI tokenEndpoint;
    private final String clientId;
    private final String basicCredentials;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile Token current;

    public ClientCredentialsTokens(URI tokenEndpoint, String clientId, String clientSecret) {
        this(tokenEndpoint, clientId, clientSecret, Clock.systemUTC());
    }

    ClientCredentialsTokens(URI tokenEndpoint, String clientId, String clientSecret, Clock clock) {
        this.tokenEndpoint = tokenEndpoint;
        this.clientId = clientId;
        // RFC 6749 §2.3.1: id and secret are form-encoded before they are joined for the Basic scheme
        this.basicCredentials = Base64.getEncoder().encodeToString((formEncoded(clientId) + ":"
                + formEncoded(clientSecret)).getBytes(StandardCharsets.UTF_8));
        this.clock = clock;
    }

    /** A demo client of the local authorization server at {@code issuer}, e.g. {@code http://127.0.0.1:9000}. */
    public static ClientCredentialsTokens demoClient(String issuer, String clientId) {
        return new ClientCredentialsTokens(URI.create(stripSlash(issuer) + TOKEN_PATH), clientId,
                clientId + DEMO_SECRET_SUFFIX);
    }

    public String clientId() {
        return clientId;
    }

    /** A token valid for at least a while longer, fetched only when the one held is near its expiry. */
    public String token() {
        Token token = current;
        if (token == null || token.renewAt().isBefore(clock.instant())) {
            token = renew();
        }
        return token.value();
    }

    /** The value of an {@code Authorization} header carrying {@link #token()}. */
    public String authorization() {
        return "Bearer " + token();
    }

    private synchronized Token renew() {
        Token token = current;
        if (token != null && !token.renewAt().isBefore(clock.instant())) {
            return token; // another thread renewed it meanwhile
        }
        Instant askedAt = clock.instant();
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                .timeout(TIMEOUT)
                .header("Authorization", "Basic " + basicCredentials)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new TokenUnavailableException("No answer from " + tokenEndpoint + " for client " + clientId, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TokenUnavailableException("Interrupted while asking " + tokenEndpoint + " for a token", e);
        }
        if (response.statusCode() != 200) {
            throw new TokenUnavailableException(tokenEndpoint + " refused client " + clientId + ": "
                    + response.statusCode() + " " + response.body(), null);
        }
        JsonNode body = DealflowJson.mapper().readTree(response.body());
        Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(300));
        // half the lifetime for a short-lived token, so it is still renewed before it runs out
        Duration margin = lifetime.compareTo(RENEW_BEFORE.multipliedBy(2)) < 0 ? lifetime.dividedBy(2) : RENEW_BEFORE;
        current = new Token(body.path("access_token").asString(), askedAt.plus(lifetime).minus(margin));
        return current;
    }

    private static String formEncoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private record Token(String value, Instant renewAt) {
    }

    /** The authorization server could not be reached or refused the client. */
    public static final class TokenUnavailableException extends RuntimeException {

        TokenUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
