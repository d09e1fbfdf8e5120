package io.dealflow.dealclient;

/** A document reference on a deal, as deal-service's REST API shows and accepts it. */
public record Attachment(String name, String uri, String contentType) {
}
