package io.dealflow.task.overdue;

import io.dealflow.api.DealflowHeaders;
import io.dealflow.api.ProblemTypes;
import io.dealflow.api.json.DealflowJson;
import io.dealflow.api.pipeline.LossReason;
import io.dealflow.platform.security.client.ServiceTokenInterceptor;
import io.dealflow.platform.web.ServiceClients;
import io.dealflow.platform.web.ServiceEndpoint;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** deal-service's REST API, as task-service uses it: closing a stale deal as LOST with reason {@code stale}. */
@Component
class DealServiceClient {

    private final RestClient http;

    /** Every call carries this service's own client-credentials token (role service). */
    DealServiceClient(ServiceEndpoint dealService, ServiceTokenInterceptor serviceToken) {
        this.http = ServiceClients.restClient(dealService, serviceToken);
    }

    /**
     * Asks deal-service to close the deal as stale. The idempotency key is derived from the task, so a retry after a
     * lost response can never close the deal twice or with another comment.
     */
    StaleCloseOutcome markStale(String dealId, String taskId, String comment) {
        try {
            return http.post().uri("/api/v1/deals/{id}/lost", dealId)
                    .header(DealflowHeaders.IDEMPOTENCY_KEY, "task-service:stale:" + taskId)
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(Map.of("reasonCode", LossReason.STALE, "comment", comment))
                    .exchange((request, response) -> {
                        int status = response.getStatusCode().value();
                        if (status == 200 || status == 202) {
                            return StaleCloseOutcome.CLOSED;
                        }
                        String body = new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8);
                        if (status == 422 && body.contains(ProblemTypes.uri(ProblemTypes.DEAL_CLOSED).toString())) {
                            return StaleCloseOutcome.ALREADY_CLOSED;
                        }
                        return status >= 500 ? StaleCloseOutcome.RETRY_LATER
                                : StaleCloseOutcome.refused(status + " " + summary(body));
                    });
        } catch (RestClientException e) {
            return StaleCloseOutcome.RETRY_LATER;
        }
    }

    private static String summary(String body) {
        try {
            return DealflowJson.mapper().readTree(body).path("detail").asString(body);
        } catch (RuntimeException e) {
            return body;
        }
    }
}
