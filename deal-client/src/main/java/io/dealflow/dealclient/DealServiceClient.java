package io.dealflow.dealclient;

import io.dealflow.api.DealflowHeaders;
import io.dealflow.platform.web.ServiceEndpoint;
import io.dealflow.platform.web.client.CallOutcome;
import io.dealflow.platform.web.client.ServiceCaller;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestInterceptor;

import java.util.Map;

/**
 * deal-service's REST API as the other services call it (task-service, handoff-service). Every answer is a
 * {@link CallOutcome}, read the same way for every caller; retries are {@link ServiceCaller}'s. Each method is safe
 * to repeat: opening names its id, the other commands carry an idempotency key, and deal-service's own rules refuse
 * a second loss.
 */
public class DealServiceClient {

    public static final String SERVICE = "deal-service";

    private final ServiceCaller calls;

    /** @param interceptors the caller's own service token ({@code ServiceTokenInterceptor}) */
    public DealServiceClient(ServiceEndpoint endpoint, ClientHttpRequestInterceptor... interceptors) {
        this.calls = new ServiceCaller(SERVICE, endpoint, interceptors);
    }

    /**
     * Opens the deal under {@code dealId}, or answers the deal already opened there by the same request
     * ({@code PUT /api/v1/deals/{dealId}}); a different request for a taken id is refused as {@code deal-id-taken}.
     */
    public CallOutcome<RemoteDeal> open(String dealId, OpenDeal deal) {
        return calls.call("open", http -> http.put().uri("/api/v1/deals/{id}", dealId)
                .contentType(MediaType.APPLICATION_JSON).body(deal), RemoteDeal.class);
    }

    public CallOutcome<RemoteDeal> find(String dealId) {
        return calls.call("find", http -> http.get().uri("/api/v1/deals/{id}", dealId), RemoteDeal.class);
    }

    public CallOutcome<RemoteDeal> attach(String dealId, Attachment attachment, String idempotencyKey) {
        return calls.call("attach", http -> http.post().uri("/api/v1/deals/{id}/attachments", dealId)
                .header(DealflowHeaders.IDEMPOTENCY_KEY, idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON).body(attachment), RemoteDeal.class);
    }

    /** A loss is decided once: asked again after the deal closed, deal-service refuses it as {@code deal-closed}. */
    public CallOutcome<RemoteDeal> markLost(String dealId, String reasonCode, String comment,
                                            String idempotencyKey) {
        return calls.call("lost", http -> http.post().uri("/api/v1/deals/{id}/lost", dealId)
                .header(DealflowHeaders.IDEMPOTENCY_KEY, idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("reasonCode", reasonCode, "comment", comment)), RemoteDeal.class);
    }
}
