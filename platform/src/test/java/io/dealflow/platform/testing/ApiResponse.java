package io.dealflow.platform.testing;

import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/** What a test sees of an HTTP answer: status, headers and the JSON body (a MissingNode when there is none). */
public record ApiResponse(int status, HttpHeaders headers, JsonNode body, String contentType) {

    public String problemType() {
        String type = body.path("type").asString();
        return type.substring(type.lastIndexOf('/') + 1);
    }

    public String etag() {
        return headers.getETag();
    }
}
