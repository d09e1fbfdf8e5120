package io.dealflow.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A service running as a child JVM. Its output is echoed line by line under its name, and the
 * last lines are kept so that a service that dies during start-up can be explained.
 */
final class ServiceProcess {

    private static final int REMEMBERED_LINES = 40;
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(20);
    private static final Duration HEALTH_POLL = Duration.ofMillis(500);

    private final ServiceSpec spec;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Deque<String> lastLines = new ArrayDeque<>();
    private Thread forwarder;

    private ServiceProcess(ServiceSpec spec, int port, int managementPort, Process process) {
        this.spec = spec;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
    }

    /** @param managementPort where its actuator answers (the HTTP port itself for the authorization server) */
    static ServiceProcess start(ServiceSpec spec, int port, int managementPort, Path jar, List<String> jvmOptions,
                                Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        try {
            ServiceProcess service = new ServiceProcess(spec, port, managementPort, builder.start());
            service.forwardOutput();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.name(), e);
        }
    }

    String name() {
        return spec.name();
    }

    int port() {
        return port;
    }

    int managementPort() {
        return managementPort;
    }

    /** The child JVM's process id: what {@code kill -9} needs. */
    long pid() {
        return process.pid();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    /** Waits for the actuator to say UP; a child that dies or stays silent fails the launch. */
    void awaitHealthy(Duration timeout) throws InterruptedException {
        HealthCheck health = new HealthCheck(URI.create(managementUrl() + "/actuator/health"));
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!health.isUp()) {
            if (!process.isAlive()) {
                forwarder.join(2_000);
                throw new LaunchException(spec.name() + " exited with code " + process.exitValue()
                        + " during start-up. Its last lines:\n" + lastLines());
            }
            if (System.nanoTime() > deadline) {
                throw new LaunchException(spec.name() + " did not report UP at " + managementUrl()
                        + "/actuator/health within " + timeout.toSeconds() + " s. Its last lines:\n" + lastLines());
            }
            Thread.sleep(HEALTH_POLL.toMillis());
        }
    }

    /** SIGTERM first so Spring closes cleanly (consumers leave their groups); kill only if it hangs. */
    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(GRACEFUL_STOP.toSeconds(), TimeUnit.SECONDS)) {
                System.err.println("[dealflow] " + spec.name() + " did not stop within " + GRACEFUL_STOP.toSeconds()
                        + " s; killing it");
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    String lastLines() {
        synchronized (lastLines) {
            List<String> lines = new ArrayList<>(lastLines);
            return String.join("\n", lines);
        }
    }

    private void forwardOutput() {
        String prefix = "[" + spec.name() + "] ";
        forwarder = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    remember(line);
                    System.out.println(prefix + line);
                }
            } catch (IOException e) {
                // The stream closes when the child exits; nothing is left to forward.
            }
        }, spec.name() + "-output");
        forwarder.setDaemon(true);
        forwarder.start();
    }

    private void remember(String line) {
        synchronized (lastLines) {
            if (lastLines.size() == REMEMBERED_LINES) {
                lastLines.removeFirst();
            }
            lastLines.addLast(line);
        }
    }
}
