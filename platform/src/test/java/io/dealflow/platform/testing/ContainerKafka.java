package io.dealflow.platform.testing;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;

/**
 * Kafka in a Docker container. An outage is simulated by pausing the container: a restarted
 * container would come back on a new mapped port, which clients configured once could not find.
 */
final class ContainerKafka implements KafkaUnderTest {

    static final String IMAGE = "apache/kafka:4.1.0";

    private final KafkaContainer container;
    private boolean paused;

    private ContainerKafka(KafkaContainer container) {
        this.container = container;
    }

    static ContainerKafka startContainer() {
        KafkaContainer container = new KafkaContainer(IMAGE);
        container.start();
        return new ContainerKafka(container);
    }

    @Override
    public String bootstrapServers() {
        return container.getBootstrapServers();
    }

    @Override
    public synchronized void stop() {
        if (!paused) {
            DockerClientFactory.instance().client().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
        }
    }

    @Override
    public synchronized void start() {
        if (paused) {
            DockerClientFactory.instance().client().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
        }
    }

    void destroy() {
        container.stop();
    }
}
