package io.dealflow.deal.deal.web;

import io.dealflow.platform.web.idempotency.IdempotentRequest;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The id of the deal a {@code POST /deals} under an {@code Idempotency-Key} opens: a name-based UUID of the caller's
 * own key (already scoped to the caller), so every run of the same request names the same deal and the event
 * store's unique (aggregate, sequence) key lets only one of them open it.
 */
final class RequestDealIds {

    private RequestDealIds() {
    }

    static String of(IdempotentRequest request) {
        return UUID.nameUUIDFromBytes(("dealflow-open-request\n" + request.key()).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
