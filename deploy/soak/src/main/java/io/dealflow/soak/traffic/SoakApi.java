package io.dealflow.soak.traffic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.dealflow.api.access.ApiRequests;
import io.dealflow.api.access.ClientCredentialsTokens;
import io.dealflow.api.access.ClientCredentialsTokens.TokenUnavailableException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The REST APIs as the soak's clients call them, with real tokens: the {@code demo-integration} client acting for a
 * manager ({@code X-Actor}), {@code dealflow-admin} for reading handoffs and reports. A command is retried with the
 * same {@code Idempotency-Key} while the answer is no answer at all, a 5xx, or "in flight", which is what a client
 * meets while a service restarts; the retries stop after {@link #RETRY_BUDGET}, and the outcome is then unknown.
 */
public final class SoakApi {

    /** Longer than a service takes to come back under load on two cores. */
    static final Duration RETRY_BUDGET = Duration.ofSeconds(150);
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

    /** A final answer, or none ({@code status} 0) once the retry budget is spent. */
    public record Answer(int status, JsonNode body, Long version, String problemType, int attempts) {

        public boolean ok() {
            return status >= 200 && status < 300;
        }

        public boolean refused() {
            return status >= 400 && status < 500;
        }

        public boolean unknown() {
            return status == 0;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ClientCredentialsTokens integration;
    private final ClientCredentialsTokens admin;

    public SoakApi(String issuer) {
        this.integration = ClientCredentialsTokens.demoClient(issuer, "demo-integration");
        this.admin = ClientCredentialsTokens.demoClient(issuer, "dealflow-admin");
    }

    public ObjectNode object() {
        return json.createObjectNode();
    }

    public JsonMapper json() {
        return json;
    }

    /** A command: POST or PATCH with a body, acting for {@code actor}, retried under {@code idempotencyKey}. */
    public Answer command(String method, String url, String actor, ObjectNode body, String idempotencyKey)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(RETRY_BUDGET);
        int attempts = 0;
        String lastProblem = null;
        while (true) {
            attempts++;
            Optional<Answer> answer = sendOnce(integration, method, url, actor, body, idempotencyKey, attempts);
            if (answer.isPresent() && !transient_(answer.get())) {
                return answer.get();
            }
            lastProblem = answer.map(a -> a.status() + " " + a.problemType()).orElse("no answer");
            if (Instant.now().isAfter(deadline)) {
                return new Answer(0, json.missingNode(), null, lastProblem, attempts);
            }
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
    }

    /** A read as an administrator, retried like a command; empty when no final answer came within the budget. */
    public Optional<Answer> read(String url) throws InterruptedException {
        return asAdminUntilFinal("GET", url, null);
    }

    /** A read as the integration client (tasks of the managers it acts for). */
    public Optional<Answer> readAsIntegration(String url) throws InterruptedException {
        Optional<Answer> answer = sendOnce(integration, "GET", url, null, null, null, 1);
        return answer.filter(a -> !transient_(a));
    }

    private static boolean transient_(Answer answer) {
        return answer.status() >= 500 || answer.status() == 408 || answer.status() == 429
                || "idempotency-key-in-flight".equals(answer.problemType());
    }

    /**
     * A pipeline defined by the administrator ({@code PUT}, which is idempotent), retried like a command; empty when
     * no final answer came within the budget.
     */
    public Optional<Answer> define(String url, ObjectNode definition) throws InterruptedException {
        return asAdminUntilFinal("PUT", url, definition);
    }

    private Optional<Answer> asAdminUntilFinal(String method, String url, ObjectNode body)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(RETRY_BUDGET);
        int attempts = 0;
        while (!Instant.now().isAfter(deadline)) {
            attempts++;
            Optional<Answer> answer = sendOnce(admin, method, url, null, body, null, attempts);
            if (answer.isPresent() && !transient_(answer.get())) {
                return answer;
            }
            Thread.sleep(RETRY_PAUSE.toMillis());
        }
        return Optional.empty();
    }

    /** One {@code POST} of a CSV file as the integration client, not retried: empty when no answer came. */
    public Optional<Answer> postCsv(String url, String csv) throws InterruptedException {
        String authorization;
        try {
            authorization = integration.authorization();
        } catch (TokenUnavailableException e) {
            return Optional.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .header("Accept", "application/json")
                .header("Content-Type", "text/csv; charset=UTF-8")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build();
        return send(request, 1);
    }

    /** One read as the integration client, not retried: empty when no answer came. */
    public Optional<Answer> readOnceAsIntegration(String url) throws InterruptedException {
        return sendOnce(integration, "GET", url, null, null, null, 1);
    }

    private Optional<Answer> sendOnce(ClientCredentialsTokens client, String method, String url, String actor,
                                      ObjectNode body, String idempotencyKey, int attempts)
            throws InterruptedException {
        try {
            return send(ApiRequests.json(method, url, client, actor, idempotencyKey,
                    body == null ? null : json.writeValueAsString(body), TIMEOUT), attempts);
        } catch (TokenUnavailableException e) {
            // the authorization server restarting: no answer this time
            return Optional.empty();
        }
    }

    private Optional<Answer> send(HttpRequest request, int attempts) throws InterruptedException {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            JsonNode parsed = response.body() == null || response.body().isBlank() ? json.missingNode()
                    : json.readTree(response.body());
            Long version = response.headers().firstValue("ETag").map(SoakApi::version).orElse(null);
            String type = parsed.path("type").asString("");
            return Optional.of(new Answer(response.statusCode(), parsed, version,
                    type.isEmpty() ? null : type.substring(type.lastIndexOf('/') + 1), attempts));
        } catch (IOException | TokenUnavailableException | tools.jackson.core.JacksonException e) {
            // a service or the authorization server restarting: no answer this time
            return Optional.empty();
        }
    }

    /** {@code "3"} or {@code W/"3"} to 3; anything else to null. */
    static Long version(String etag) {
        String digits = etag.replace("W/", "").replace("\"", "").trim();
        try {
            return Long.parseLong(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
