package io.dealflow.platform.testing;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.testcontainers.DockerClientFactory;

/**
 * Asks Testcontainers whether a Docker engine is usable, without letting a misconfigured
 * environment hang or fail the test run: on machines without Docker the answer is simply "no".
 */
final class DockerProbe {

    private static final long TIMEOUT_SECONDS = 15;

    private DockerProbe() {
    }

    static boolean isDockerAvailable() {
        CompletableFuture<Boolean> probe = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                probe.complete(DockerClientFactory.instance().isDockerAvailable());
            } catch (Throwable e) {
                probe.complete(false);
            }
        }, "docker-probe");
        thread.setDaemon(true);
        thread.start();
        try {
            return probe.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            return false;
        }
    }
}
