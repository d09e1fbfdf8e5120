package io.dealflow.handoff.handoff;

import io.dealflow.api.DealflowHeaders;
import io.dealflow.api.json.DealflowJson;
import io.dealflow.handoff.deal.DealSnapshot;
import io.dealflow.platform.security.client.ServiceTokenInterceptor;
import io.dealflow.platform.web.ServiceClients;
import io.dealflow.platform.web.ServiceEndpoint;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.type.TypeReference;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Opens the handed-off deal through deal-service's REST API, then adds the attachments. Every call carries an
 * idempotency key derived from the handoff, so retries and redeliveries never create a second deal or attachment.
 */
@Component
class DealServiceClient {

    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() {
    };

    private final RestClient http;

    /** Every call carries this service's own client-credentials token (role service). */
    DealServiceClient(ServiceEndpoint dealService, ServiceTokenInterceptor serviceToken) {
        this.http = ServiceClients.restClient(dealService, serviceToken);
    }

    /** Opens the deal unless an earlier attempt already did, then adds the attachments. */
    HandoffOutcome handOff(Handoff handoff) {
        String targetDealId = handoff.targetDealId();
        if (targetDealId == null) {
            Answer opened = post("/api/v1/deals", handoff.request().deal(), handoff.idempotencyKey());
            if (!opened.ok()) {
                return opened.failure(null);
            }
            targetDealId = String.valueOf(opened.body().get("id"));
        }
        List<DealSnapshot.Attachment> attachments = handoff.request().attachments();
        for (int i = 0; i < attachments.size(); i++) {
            Answer attached = post("/api/v1/deals/" + targetDealId + "/attachments", attachments.get(i),
                    handoff.idempotencyKey() + ":attachment:" + i);
            if (!attached.ok()) {
                return attached.failure(targetDealId);
            }
        }
        return HandoffOutcome.opened(targetDealId);
    }

    private Answer post(String path, Object body, String idempotencyKey) {
        try {
            return http.post().uri(path)
                    .header(DealflowHeaders.IDEMPOTENCY_KEY, idempotencyKey)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                            parse(response.getBody().readAllBytes())));
        } catch (RestClientException e) {
            return new Answer(0, Map.of("type", "deal-service-unreachable", "detail",
                    "deal-service did not answer: " + e.getMessage()));
        }
    }

    private static Map<String, Object> parse(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8);
        try {
            return text.isBlank() ? Map.of() : DealflowJson.mapper().readValue(text, JSON_OBJECT);
        } catch (RuntimeException e) {
            return Map.of("detail", text);
        }
    }

    /**
     * One HTTP answer. Only a refusal of the request itself (4xx) is final; an unreachable or failing deal-service,
     * a request still in flight under the same key (409 in-flight) and throttling are worth trying again.
     */
    private record Answer(int status, Map<String, Object> body) {

        boolean ok() {
            return status == 200 || status == 201;
        }

        HandoffOutcome failure(String openedDealId) {
            Map<String, Object> problem = new java.util.LinkedHashMap<>(body);
            problem.put("status", status);
            boolean retryable = status == 0 || status >= 500 || status == 408 || status == 429 || status == 202
                    || String.valueOf(body.get("type")).endsWith("idempotency-key-in-flight");
            return retryable ? HandoffOutcome.unavailable(openedDealId, problem)
                    : HandoffOutcome.refused(openedDealId, problem);
        }
    }
}
