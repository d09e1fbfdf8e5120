package io.dealflow.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param enabled        whether this service writes events to the outbox and relays them to Kafka
 * @param batchSize      how many events the relay publishes per transaction
 * @param pollInterval   how long the relay waits before looking again when the outbox is empty
 * @param initialBackoff the first pause after a failed publish; it doubles with every further failure
 * @param maxBackoff     the longest pause between attempts while the broker stays unreachable
 * @param retention      how long published rows are kept (to trace what was sent) before they are deleted
 */
@ConfigurationProperties("dealflow.outbox")
public record OutboxProperties(boolean enabled,
                               @DefaultValue("100") int batchSize,
                               @DefaultValue("200ms") Duration pollInterval,
                               @DefaultValue("1s") Duration initialBackoff,
                               @DefaultValue("30s") Duration maxBackoff,
                               @DefaultValue("7d") Duration retention) {

    public OutboxProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("dealflow.outbox.batch-size must be at least 1, got " + batchSize);
        }
        requirePositive("poll-interval", pollInterval);
        requirePositive("initial-backoff", initialBackoff);
        requirePositive("max-backoff", maxBackoff);
        requirePositive("retention", retention);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("dealflow.outbox." + name + " must be positive, got " + value);
        }
    }
}
