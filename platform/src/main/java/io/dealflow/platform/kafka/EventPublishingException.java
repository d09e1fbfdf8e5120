package io.dealflow.platform.kafka;

/** The broker did not acknowledge an event: the caller must not treat it as published. */
public class EventPublishingException extends RuntimeException {

    public EventPublishingException(String message, Throwable cause) {
        super(message, cause);
    }
}
