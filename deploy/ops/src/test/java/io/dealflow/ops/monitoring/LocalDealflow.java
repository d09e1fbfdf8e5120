package io.dealflow.ops.monitoring;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * The local launcher with {@code --demo --reset} as a child process, on free ports, with its own databases
 * ({@code DEALFLOW_DB_PREFIX}) so a developer's own local run on the same PostgreSQL is left alone.
 */
final class LocalDealflow implements AutoCloseable {

    static final String DB_PREFIX = "dealflow_opsit";
    private static final List<String> DATABASES = List.of("deal", "task", "handoff", "analytics");
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration STOP = Duration.ofSeconds(60);

    /** job name in deploy/prometheus/prometheus.yml (= docker-compose host) -> the port it got here */
    private final Map<String, Integer> servicePorts;
    private final Path log;
    private final Process process;

    private LocalDealflow(Map<String, Integer> servicePorts, Path log, Process process) {
        this.servicePorts = servicePorts;
        this.log = log;
        this.process = process;
    }

    static LocalDealflow startWithDemo(Path repository, Path workDir) throws IOException {
        Path jar = repository.resolve("deploy/local/target/dealflow-local.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the reactor first (./mvnw -DskipTests install)");
        }
        List<Integer> ports = FreePorts.take(5);
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        servicePorts.put("deal-service", ports.get(1));
        servicePorts.put("task-service", ports.get(2));
        servicePorts.put("handoff-service", ports.get(3));
        servicePorts.put("analytics-service", ports.get(4));
        Path log = workDir.resolve("launcher.log");
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-jar", jar.toString(), "--demo", "--reset")
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("DEALFLOW_KAFKA_PORT", ports.get(0).toString());
        env.put("DEAL_SERVICE_PORT", servicePorts.get("deal-service").toString());
        env.put("TASK_SERVICE_PORT", servicePorts.get("task-service").toString());
        env.put("HANDOFF_SERVICE_PORT", servicePorts.get("handoff-service").toString());
        env.put("ANALYTICS_SERVICE_PORT", servicePorts.get("analytics-service").toString());
        env.put("DEALFLOW_DATA_DIR", workDir.resolve("data").toString());
        env.put("DEALFLOW_DB_PREFIX", DB_PREFIX);
        env.put("DEALFLOW_DEMO_RATE", "2");
        // inherited by the services: overdue tasks and escalations within seconds instead of half a minute
        env.put("TASK_OVERDUE_SCAN_INTERVAL", "PT3S");
        LocalDealflow dealflow = new LocalDealflow(servicePorts, log, builder.start());
        dealflow.awaitRunning();
        return dealflow;
    }

    Map<String, Integer> servicePorts() {
        return servicePorts;
    }

    String jdbcUrl(String service) {
        return "jdbc:postgresql://127.0.0.1:5432/" + DB_PREFIX + "_" + service;
    }

    String lastLines() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no launcher log: " + e + ")";
        }
    }

    /** SIGTERM: the launcher stops the demo, its services and the broker; its databases are dropped after. */
    @Override
    public void close() throws InterruptedException {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        if (!process.waitFor(STOP.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        for (ProcessHandle child : children) {
            child.onExit().orTimeout(STOP.toSeconds(), TimeUnit.SECONDS).exceptionally(timeout -> {
                child.destroyForcibly();
                return child;
            }).join();
        }
        dropDatabases();
    }

    private void awaitRunning() {
        try {
            await("the launcher to report every service UP").atMost(STARTUP).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("The launcher exited with " + process.exitValue() + ":\n"
                                    + lastLines());
                        }
                        return Files.exists(log) && Files.readString(log).contains("Dealflow is running.");
                    });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException(e.getMessage() + "\n" + lastLines(), e);
        }
    }

    private static void dropDatabases() {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", ""); Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                statement.execute("DROP DATABASE IF EXISTS " + DB_PREFIX + "_" + database + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the test's databases " + DB_PREFIX + "_*", e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
