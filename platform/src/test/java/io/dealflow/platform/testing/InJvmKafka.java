package io.dealflow.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import io.dealflow.kafka.KraftBroker;

/** A real KRaft broker inside the test JVM; stopping it is a genuine broker shutdown. */
final class InJvmKafka implements KafkaUnderTest {

    private final KraftBroker broker;
    private final Path dataDir;

    private InJvmKafka(KraftBroker broker, Path dataDir) {
        this.broker = broker;
        this.dataDir = dataDir;
    }

    static InJvmKafka startOnFreePort() {
        try {
            Path dataDir = Files.createTempDirectory("dealflow-test-kafka-");
            InJvmKafka kafka = new InJvmKafka(KraftBroker.builder().dataDir(dataDir).port(0).build(), dataDir);
            kafka.start();
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a data directory for the test broker", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return broker.bootstrapServers();
    }

    @Override
    public void stop() {
        broker.stop();
    }

    @Override
    public void start() {
        broker.start();
    }

    /** Stops for good and deletes the data, which nothing needs once the JVM is leaving. */
    void destroy() {
        broker.stop();
        try (Stream<Path> paths = Files.walk(dataDir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete test broker data in " + dataDir + ": " + e.getMessage());
        }
    }
}
