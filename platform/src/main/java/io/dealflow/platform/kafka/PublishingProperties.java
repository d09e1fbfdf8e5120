package io.dealflow.platform.kafka;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * @param enabled    whether this service publishes events
 * @param ackTimeout how long to wait for the broker's acknowledgement before the send counts as failed
 */
@ConfigurationProperties("dealflow.kafka.publishing")
public record PublishingProperties(boolean enabled, Duration ackTimeout) {

    public PublishingProperties {
        ackTimeout = ackTimeout == null ? Duration.ofSeconds(15) : ackTimeout;
    }
}
