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
 * The local launcher ({@code --reset}, plus whatever options the test adds) as a child process, on free ports (its
 * authorization server's and the services' management ports too), with
 * its own databases ({@code DEALFLOW_DB_PREFIX}) and data directory, so a developer's own local run on the same
 * PostgreSQL is left alone. Used by deploy/ops (dashboards against demo traffic) and by the bench's smoke.
 */
public final class LocalDealflow implements AutoCloseable {

    /** The services by their short names, which are also their databases' suffixes. */
    private static final List<String> SERVICES = List.of("deal", "task", "handoff", "analytics");
    /** Six JVMs starting at once on two cores that other work shares: minutes, not seconds. */
    private static final Duration STARTUP = Duration.ofMinutes(6);
    private static final Duration STOP = Duration.ofSeconds(60);

    private final String dbPrefix;
    private final int kafkaPort;
    private final int authPort;
    private final int controlPort;
    /** service name (= Prometheus job and docker-compose host, e.g. deal-service) -> the port it got here */
    private final Map<String, Integer> servicePorts;
    /** service name -> its management port (health, Prometheus) here */
    private final Map<String, Integer> managementPorts;
    private final Path log;
    private final Process process;

    private LocalDealflow(String dbPrefix, int kafkaPort, int authPort, int controlPort,
                          Map<String, Integer> servicePorts, Map<String, Integer> managementPorts, Path log,
                          Process process) {
        this.dbPrefix = dbPrefix;
        this.kafkaPort = kafkaPort;
        this.authPort = authPort;
        this.controlPort = controlPort;
        this.servicePorts = servicePorts;
        this.managementPorts = managementPorts;
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
                                      Map<String, String> env) throws IOException, InterruptedException {
        Path jar = repository.resolve("deploy/local/target/dealflow-local.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build the reactor first (./mvnw -DskipTests package)");
        }
        List<Integer> ports = FreePorts.take(3 + 2 * SERVICES.size());
        Map<String, Integer> servicePorts = new LinkedHashMap<>();
        Map<String, Integer> managementPorts = new LinkedHashMap<>();
        for (int i = 0; i < SERVICES.size(); i++) {
            servicePorts.put(SERVICES.get(i) + "-service", ports.get(2 + i));
            managementPorts.put(SERVICES.get(i) + "-service", ports.get(2 + SERVICES.size() + i));
        }
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
        environment.put("DEALFLOW_AUTH_PORT", ports.get(1).toString());
        for (String service : SERVICES) {
            String prefix = service.toUpperCase(java.util.Locale.ROOT);
            environment.put(prefix + "_SERVICE_PORT", servicePorts.get(service + "-service").toString());
            environment.put(prefix + "_MANAGEMENT_PORT", managementPorts.get(service + "-service").toString());
        }
        environment.put("DEALFLOW_DATA_DIR", workDir.resolve("data").toString());
        environment.put("DEALFLOW_DB_PREFIX", dbPrefix);
        int controlPort = ports.get(2 + 2 * SERVICES.size());
        environment.put("DEALFLOW_CONTROL_PORT", Integer.toString(controlPort));
        environment.putAll(env);
        LocalDealflow dealflow = new LocalDealflow(dbPrefix, ports.get(0), ports.get(1), controlPort, servicePorts,
                managementPorts, log, builder.start());
        try {
            dealflow.awaitRunning();
        } catch (RuntimeException e) {
            // a launcher that never became ready must not outlive the test that started it
            dealflow.close();
            throw e;
        }
        return dealflow;
    }

    public Map<String, Integer> servicePorts() {
        return servicePorts;
    }

    public String url(String service) {
        return "http://127.0.0.1:" + servicePorts.get(service);
    }

    /** service name -> its management port (where Prometheus scrapes it) */
    public Map<String, Integer> managementPorts() {
        return managementPorts;
    }

    /** Where a service's health and Prometheus endpoints are, without a token. */
    public String managementUrl(String service) {
        return "http://127.0.0.1:" + managementPorts.get(service);
    }

    /** The local authorization server the launcher started, the issuer of every token the services accept. */
    public String issuer() {
        return "http://127.0.0.1:" + authPort;
    }

    public String kafkaBootstrapServers() {
        return "127.0.0.1:" + kafkaPort;
    }

    /** @param service {@code deal}, {@code task}, {@code handoff} or {@code analytics} */
    public String jdbcUrl(String service) {
        return "jdbc:postgresql://127.0.0.1:5432/" + dbPrefix + "_" + service;
    }

    /** The launcher's control endpoint: its children's processes and restarts, the broker fault. */
    public LauncherControlClient control() {
        return new LauncherControlClient("http://127.0.0.1:" + controlPort);
    }

    /** The launcher's log: its own lines and every service's, each under the service's name. */
    public Path log() {
        return log;
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
            for (String database : SERVICES) {
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
