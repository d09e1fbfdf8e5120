package io.dealflow.kafka;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * The KRaft storage directory. A broker refuses to start on an unformatted directory, and
 * formatting twice would throw away the cluster identity, so formatting happens only once.
 */
final class KraftStorage {

    private static final String META_PROPERTIES = "meta.properties";

    private KraftStorage() {
    }

    static boolean isFormatted(Path dataDir) {
        return Files.isRegularFile(dataDir.resolve(META_PROPERTIES));
    }

    /** Does what {@code kafka-storage.sh format -t <random id> -c server.properties} does. */
    static void format(BrokerSettings settings) throws Exception {
        Files.createDirectories(settings.dataDir());
        String dir = settings.dataDir().toAbsolutePath().toString();
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(BrokerSettings.NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setControllerListenerName(BrokerSettings.CONTROLLER_LISTENER)
                .setMetadataLogDirectory(dir)
                .addDirectory(dir)
                .setHasDynamicQuorum(false)
                .run();
    }
}
