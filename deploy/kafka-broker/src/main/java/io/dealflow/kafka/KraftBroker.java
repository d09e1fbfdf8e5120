package io.dealflow.kafka;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Apache Kafka broker (broker and controller in KRaft mode) running inside
 * this JVM, listening on 127.0.0.1 only.
 *
 * <p>It can be stopped and started again as often as needed: it comes back on the same ports with
 * the same data, which is what lets tests and the local launcher treat it like a server that went
 * down and came back.
 */
public final class KraftBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(KraftBroker.class);

    private final BrokerSettings settings;
    private KafkaRaftServer server;

    private KraftBroker(BrokerSettings settings) {
        this.settings = settings;
    }

    /** Whether a broker has already stored data in this directory (it was formatted by an earlier start). */
    public static boolean hasData(Path dataDir) {
        return KraftStorage.isFormatted(dataDir);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Formats the data directory on first use, then starts; does nothing when already running. */
    public synchronized void start() {
        if (server != null) {
            return;
        }
        requireFree(settings.port(), "client");
        requireFree(settings.controllerPort(), "controller");
        long startedAt = System.nanoTime();
        try {
            if (!KraftStorage.isFormatted(settings.dataDir())) {
                KraftStorage.format(settings);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + settings.dataDir(), e);
        }
        KafkaRaftServer candidate = new KafkaRaftServer(new KafkaConfig(settings.serverProperties(), false), Time.SYSTEM);
        try {
            candidate.startup();
        } catch (RuntimeException e) {
            // A half-started server still holds ports and threads; release them before reporting.
            shutDown(candidate);
            throw new IllegalStateException("Kafka broker failed to start on " + bootstrapServers(), e);
        }
        server = candidate;
        log.info("Kafka broker up on {} in {} ms (data in {})", bootstrapServers(),
                Duration.ofNanos(System.nanoTime() - startedAt).toMillis(), settings.dataDir());
    }

    /** Shuts down cleanly (data flushed, ports released) and waits for it; does nothing when stopped. */
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        shutDown(server);
        server = null;
        log.info("Kafka broker on {} stopped", bootstrapServers());
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /** {@code 127.0.0.1:<port>}; stable for the life of this object, running or not. */
    public String bootstrapServers() {
        return settings.bootstrapServers();
    }

    public int port() {
        return settings.port();
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    @Override
    public void close() {
        stop();
    }

    private static void shutDown(KafkaRaftServer server) {
        server.shutdown();
        server.awaitShutdown();
    }

    private static void requireFree(int port, String listener) {
        if (!FreePorts.isFree(port)) {
            throw new IllegalStateException("Cannot start Kafka: " + listener + " port " + FreePorts.LOOPBACK + ":" + port
                    + " is already in use. Stop whatever listens there or choose another port.");
        }
    }

    public static final class Builder {

        private Path dataDir;
        private int port;
        private int controllerPort;
        private int partitions = 1;

        private Builder() {
        }

        /** Where the log segments and KRaft metadata live; kept across restarts. */
        public Builder dataDir(Path dataDir) {
            this.dataDir = dataDir;
            return this;
        }

        /** Client port on 127.0.0.1; 0 picks a free one now and keeps it across restarts. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Controller (KRaft quorum) port on 127.0.0.1; 0 picks a free one now and keeps it. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Partitions of automatically created topics. */
        public Builder partitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be at least 1: " + partitions);
            }
            this.partitions = partitions;
            return this;
        }

        public KraftBroker build() {
            Objects.requireNonNull(dataDir, "dataDir");
            int clientPort = port == 0 ? FreePorts.pick() : port;
            int quorumPort = controllerPort == 0 ? pickOtherThan(clientPort) : controllerPort;
            return new KraftBroker(new BrokerSettings(dataDir, clientPort, quorumPort, partitions));
        }

        private static int pickOtherThan(int taken) {
            int candidate = FreePorts.pick();
            while (candidate == taken) {
                candidate = FreePorts.pick();
            }
            return candidate;
        }
    }
}
