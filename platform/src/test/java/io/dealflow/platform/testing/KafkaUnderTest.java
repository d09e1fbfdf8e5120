package io.dealflow.platform.testing;

/**
 * The Kafka broker the integration tests talk to. {@link #stop()} and {@link #start()} let a test
 * simulate an outage: the broker comes back on the same address with its data intact.
 */
public interface KafkaUnderTest {

    String bootstrapServers();

    /** Makes the broker unreachable until {@link #start()}; idempotent. */
    void stop();

    /** Brings the broker back on the same address with the same data; idempotent. */
    void start();
}
