package io.dealflow.platform.web.idempotency;

import java.util.Map;

/** The first response to an idempotent request, kept so that a retry gets exactly the same answer. */
public record StoredResponse(int status, Map<String, String> headers, byte[] body) {

    public StoredResponse {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    @Override
    public byte[] body() {
        return body.clone();
    }
}
