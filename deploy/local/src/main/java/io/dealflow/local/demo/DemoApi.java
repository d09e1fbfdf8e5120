package io.dealflow.local.demo;

import io.dealflow.api.ProblemTypes;
import io.dealflow.api.access.ApiRequests;
import io.dealflow.api.access.ClientCredentialsTokens;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The services' REST APIs as the demo calls them: JSON in, JSON out, as an outside system would. Deals and tasks
 * are changed by the {@code demo-integration} client, which names the manager it acts for in {@code X-Actor};
 * handoffs are read by {@code dealflow-admin}. Tokens come from the authorization server by the client-credentials
 * grant and are reused until shortly before they expire.
 */
final class DemoApi {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int NOT_YET_KNOWN_RETRIES = 30;

    /** A service's answer; {@code body} is a missing node when there was none. */
    record Reply(int status, JsonNode body, Duration retryAfter) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String problemType() {
            String type = body.path("type").asString("");
            return type.substring(type.lastIndexOf('/') + 1);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final String dealService;
    private final String taskService;
    private final String handoffService;
    private final ClientCredentialsTokens integration;
    private final ClientCredentialsTokens admin;

    DemoApi(String issuer, String dealService, String taskService, String handoffService) {
        this.integration = ClientCredentialsTokens.demoClient(issuer, "demo-integration");
        this.admin = ClientCredentialsTokens.demoClient(issuer, "dealflow-admin");
        this.dealService = dealService;
        this.taskService = taskService;
        this.handoffService = handoffService;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    Reply deal(String method, String path, String actor, ObjectNode body, String idempotencyKey)
            throws IOException, InterruptedException {
        return send(integration, dealService + path, method, actor, body, idempotencyKey);
    }

    /**
     * A deal opened a moment ago may not have reached task-service yet: it answers 409 {@code deal-not-yet-known}
     * with {@code Retry-After}, and the request is sent again after that pause, as any client should.
     */
    Reply tasks(String method, String path, String actor, ObjectNode body) throws IOException, InterruptedException {
        Reply reply = send(integration, taskService + path, method, actor, body, null);
        for (int retry = 0; retry < NOT_YET_KNOWN_RETRIES && reply.status() == 409
                && ProblemTypes.DEAL_NOT_YET_KNOWN.equals(reply.problemType()); retry++) {
            Thread.sleep(reply.retryAfter().toMillis());
            reply = send(integration, taskService + path, method, actor, body, null);
        }
        return reply;
    }

    /**
     * Imports a deal history file into a pipeline (DESIGN §7) and waits for its job: the {@code POST} answers 202 with
     * the job's {@code Location}, which is polled until the job is no longer {@code RUNNING}.
     *
     * @return the job as it ended ({@code state}, {@code rowsRead}, {@code answer} with the refused deals)
     */
    JsonNode importHistory(String pipelineId, String csv, Duration wait) throws IOException, InterruptedException {
        HttpRequest post = HttpRequest.newBuilder(URI.create(dealService + "/api/v1/imports?pipelineId=" + pipelineId))
                .timeout(TIMEOUT).header("Accept", "application/json")
                .header("Authorization", integration.authorization()).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
        HttpResponse<String> started = http.send(post, HttpResponse.BodyHandlers.ofString());
        String job = started.headers().firstValue("Location").orElse(null);
        if (started.statusCode() != 202 || job == null) {
            throw new DemoFailure("import a history into " + pipelineId, new Reply(started.statusCode(),
                    started.body().isBlank() ? json.missingNode() : json.readTree(started.body()), Duration.ZERO));
        }
        Instant deadline = Instant.now().plus(wait);
        while (true) {
            Reply reply = send(integration, dealService + job, "GET", null, null, null);
            if (!reply.ok()) {
                throw new DemoFailure("follow the import " + job, reply);
            }
            if (!"RUNNING".equals(reply.body().path("state").asString()) || Instant.now().isAfter(deadline)) {
                return reply.body();
            }
            Thread.sleep(500);
        }
    }

    Reply handoff(String path) throws IOException, InterruptedException {
        return send(admin, handoffService + path, "GET", null, null, null);
    }

    private Reply send(ClientCredentialsTokens client, String url, String method, String actor, ObjectNode body,
                       String idempotencyKey) throws IOException, InterruptedException {
        HttpRequest request = ApiRequests.json(method, url, client, actor, idempotencyKey,
                body == null ? null : json.writeValueAsString(body), TIMEOUT);
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode parsed = response.body() == null || response.body().isBlank()
                ? json.missingNode() : json.readTree(response.body());
        Duration retryAfter = response.headers().firstValue("Retry-After").map(Long::parseLong)
                .map(Duration::ofSeconds).orElse(Duration.ofSeconds(1));
        return new Reply(response.statusCode(), parsed, retryAfter);
    }
}
