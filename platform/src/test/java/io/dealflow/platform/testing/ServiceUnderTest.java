package io.dealflow.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import tools.jackson.databind.json.JsonMapper;

/**
 * A Dealflow service running from its executable jar in a child JVM, as in production.
 *
 * <p>Two Spring Boot applications cannot share one test classpath cleanly (each brings its own
 * {@code application.yml}, and Axon must stay out of the services that do not use it), so a service
 * another service's tests depend on runs as a process of its own. Its output goes to
 * {@code target/<name>-it.log} of the module under test instead of into the test report; when it
 * fails to start, the failure carries the log's last lines. It is stopped before the shared
 * broker and databases go away at JVM exit.
 */
public final class ServiceUnderTest implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration HEALTH_POLL = Duration.ofMillis(500);
    /** Short enough that the JVM-exit hook finishes before surefire gives up on the forked JVM. */
    private static final Duration GRACEFUL_STOP = Duration.ofSeconds(15);
    private static final int FAILURE_LINES = 50;

    private final String name;
    private final int port;
    private final int managementPort;
    private final Process process;
    private final Path logFile;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private ServiceUnderTest(String name, int port, int managementPort, Process process, Path logFile) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * How to run one service: its jar, the variable that sets its HTTP port and, for a Dealflow service, the one that
     * sets its management port (where its health is), else null: health is then asked on the HTTP port.
     */
    public record Spec(String name, Path jar, String portVariable, String managementPortVariable) {

        public static Spec of(String name, Path jar, String portVariable) {
            return new Spec(name, jar, portVariable, null);
        }
    }

    /**
     * Runs {@code java -jar jar} with {@code environment} added to this JVM's, on free ports passed in the spec's
     * port variables, and returns once its actuator health says UP.
     */
    public static ServiceUnderTest start(Spec spec, Map<String, String> environment) {
        int port = freePort();
        int managementPort = spec.managementPortVariable() == null ? port : freePort();
        Path logFile = logFileFor(spec.name());
        ProcessBuilder builder = new ProcessBuilder(javaBinary(), "-jar", spec.jar().toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(logFile.toFile()));
        builder.environment().putAll(environment);
        builder.environment().put(spec.portVariable(), Integer.toString(port));
        if (spec.managementPortVariable() != null) {
            builder.environment().put(spec.managementPortVariable(), Integer.toString(managementPort));
        }
        ServiceUnderTest service;
        try {
            service = new ServiceUnderTest(spec.name(), port, managementPort, builder.start(), logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + spec.name() + " from " + spec.jar(), e);
        }
        TestInfrastructure.closeBeforeShutdown(service);
        service.awaitUp();
        return service;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** Where its actuator answers: the management port of a Dealflow service. */
    public String managementUrl() {
        return "http://127.0.0.1:" + managementPort;
    }

    /** Where the child's stdout and stderr go; worth opening when a test against it fails. */
    public Path logFile() {
        return logFile;
    }

    /**
     * Stops for good: SIGTERM first, so Spring shuts down gracefully and its Kafka clients leave
     * their groups, then a kill if it hangs. Idempotent.
     */
    public void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!exitsWithin(GRACEFUL_STOP)) {
            System.err.println(name + " ignored SIGTERM for " + GRACEFUL_STOP.toSeconds() + " s; killing it");
            process.destroyForcibly();
            exitsWithin(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void awaitUp() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!isUp()) {
            // Waiting for the exit is the pause between polls, so a crash is reported at once.
            if (exitsWithin(HEALTH_POLL)) {
                throw startFailure("exited with code " + process.exitValue() + " during start-up");
            }
            if (System.nanoTime() - deadline > 0) {
                stop();
                throw startFailure("did not report UP at " + managementUrl() + "/actuator/health within "
                        + START_TIMEOUT.toSeconds() + " s");
            }
        }
    }

    private boolean isUp() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(managementUrl() + "/actuator/health"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200
                    && "UP".equals(JsonMapper.shared().readTree(response.body()).path("status").asString());
        } catch (IOException | RuntimeException e) {
            // Not listening yet, or an answer that is not health JSON: not up yet either way.
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name + " to start", e);
        }
    }

    private boolean exitsWithin(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + name, e);
        }
    }

    private IllegalStateException startFailure(String what) {
        return new IllegalStateException(name + " " + what + ". The last lines of " + logFile + ":\n" + lastLines());
    }

    private String lastLines() {
        try {
            // Decoded leniently: a crashing JVM may leave half a character at the end.
            List<String> lines = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - FAILURE_LINES), lines.size()));
        } catch (IOException e) {
            return "(could not read the log: " + e.getMessage() + ")";
        }
    }

    /** The same Java as the tests, so a service never runs on an older runtime than it was built for. */
    private static String javaBinary() {
        return ProcessHandle.current().info().command()
                .orElseGet(() -> Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /** Surefire and failsafe run in the module's directory, so this is the module's own target/. */
    private static Path logFileFor(String name) {
        Path target = Path.of(System.getProperty("user.dir"), "target");
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + target + " for the " + name + " log", e);
        }
        return target.resolve(name + "-it.log");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not find a free port", e);
        }
    }
}
