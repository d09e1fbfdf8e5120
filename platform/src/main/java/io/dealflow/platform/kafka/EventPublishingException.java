package io.dealflow.platform.kafka;

/** The broker did not acknowledge an event: the caller must not treat it as published. */
public class EventPublishingException extends RuntimeException {

    private final int acknowledgedBefore;

    public EventPublishingException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public EventPublishingException(String message, int acknowledgedBefore, Throwable cause) {
        super(message, cause);
        this.acknowledgedBefore = acknowledgedBefore;
    }

    /** How many events of the same batch, sent before the failed one, the broker did acknowledge. */
    public int acknowledgedBefore() {
        return acknowledgedBefore;
    }
}
