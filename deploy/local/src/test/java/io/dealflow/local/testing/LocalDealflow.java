package io.dealflow.local.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/**
 * The local launcher ({@code --reset}, plus whatever options the test adds) as a child process, on free ports, with
 * its own databases ({@code DEALFLOW_DB_PREFIX}) and data directory, so a developer's own local run on the same
 * PostgreSQL is left alone. Used by deploy/ops (dashboards against demo traffic) and by the bench's smoke.
 */
public final class LocalDealflow implements AutoCloseable {

    private static final List<String> DATABASES = List.of("deal", "task", "handoff", "analytics");
    private static final Duration STARTUP = Duration.ofSeconds(180);
    private static final Duration STOP = Duration.ofSeconds(60);

    private final String dbPrefix;
    private final int kafkaPort;
    /** service name (= Prometheus job and docker-compose host, e.g. deal-service) -> the port it got here */
    private final Map<String, Integer> servicePorts;
    private final Path log;
    private final Process process;

    private LocalDealflow(String dbPrefix, int kafkaPort, Map<String, Integer> servicePorts, Path log,
                          Process process) {
        this.dbPrefix = dbPrefix;
        this.kafkaPort = kafkaPort;
        this.servicePorts = servicePorts;
        this.log = log;
        this.process = process;
    }

    /**
     * Starts the launcher and waits until it reports every service UP.
     *
     * @param options launcher options besides {@code --reset} (e.g. {@code --demo})
     * @param env     extra environment, inherited by the services too
     */
    public static LocalDealflow start(Path repository, Path workDir, String dbPrefix, List<String> options,
                                      Map<String, String> env) throws IOException {
        Path jar = repository.resolve("deploy/local/target/dealflow-local.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the reactor first (./mvnw -DskipTests package)");
        }
        List<Integer> ports = FreePorts.take(5);
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        servicePorts.put("deal-service", ports.get(1));
        servicePorts.put("task-service", ports.get(2));
        servicePorts.put("handoff-service", ports.get(3));
        servicePorts.put("analytics-service", ports.get(4));
        Path log = workDir.resolve("launcher.log");
        List<String> command = new ArrayList<>(List.of(javaExecutable(), "-jar", jar.toString()));
        command.addAll(options);
        command.add("--reset");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.put("DEALFLOW_KAFKA_PORT", ports.get(0).toString());
        environment.put("DEAL_SERVICE_PORT", servicePorts.get("deal-service").toString());
        environment.put("TASK_SERVICE_PORT", servicePorts.get("task-service").toString());
        environment.put("HANDOFF_SERVICE_PORT", servicePorts.get("handoff-service").toString());
        environment.put("ANALYTICS_SERVICE_PORT", servicePorts.get("analytics-service").toString());
        environment.put("DEALFLOW_DATA_DIR", workDir.resolve("data").toString());
        environment.put("DEALFLOW_DB_PREFIX", dbPrefix);
        environment.putAll(env);
        LocalDealflow dealflow = new LocalDealflow(dbPrefix, ports.get(0), servicePorts, log, builder.start());
        dealflow.awaitRunning();
        return dealflow;
    }

    public Map<String, Integer> servicePorts() {
        return servicePorts;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + servicePorts.get(service);
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** @param service {@code deal}, {@code task}, {@code handoff} or {@code analytics} */
    public String jdbcUrl(String service) {
        return "jdbc:postgresql://127.0.0.1:5432/" + dbPrefix + "_" + service;
    }

    /** The launcher's process id: its service JVMs are its descendants. */
    public long pid() {
        return process.pid();
    }

    public String lastLines() {
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

    private void dropDatabases() {
        try (Connection connection = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres",
                "postgres", ""); Statement statement = connection.createStatement()) {
            for (String database : DATABASES) {
                statement.execute("DROP DATABASE IF EXISTS " + dbPrefix + "_" + database + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop the test's databases " + dbPrefix + "_*", e);
        }
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
