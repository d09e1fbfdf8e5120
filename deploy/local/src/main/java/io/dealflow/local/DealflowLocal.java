package io.dealflow.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import io.dealflow.kafka.KraftBroker;
import io.dealflow.local.demo.DemoTraffic;
import io.dealflow.local.supervision.RestartPolicy;

/**
 * Runs all of Dealflow on one machine with one command: PostgreSQL is the developer's own, Kafka
 * is a real broker inside this JVM, and every service is a child JVM started from its jar.
 * Once everything is UP the launcher supervises: a service or the broker that stops on its own is started again
 * ({@link SupervisedService}, {@link SupervisedBroker}); one that keeps failing makes the launcher give up and stop.
 * Ctrl-C stops the services first (so they can leave their consumer groups) and the broker last, and nothing is
 * restarted while it does.
 */
public final class DealflowLocal {

    /** Per service; five JVMs start at once, and on a busy two-core machine one can take minutes. */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(300);
    /** How long a service's exit may precede our own shutdown hook and still count as part of Ctrl-C. */
    private static final Duration SIGNAL_GRACE = Duration.ofSeconds(2);

    private final LauncherConfig config;
    private final List<SupervisedService> services = new ArrayList<>();
    private final CountDownLatch shutdownStarted = new CountDownLatch(1);
    /** The exit code once the launcher has given up on something; Ctrl-C never completes it. */
    private final CompletableFuture<Integer> gaveUp = new CompletableFuture<>();
    private SupervisedBroker broker;
    private DemoTraffic demo;
    private LauncherControl control;

    private DealflowLocal(LauncherConfig config) {
        this.config = config;
    }

    public static void main(String[] args) {
        if (LauncherConfig.wantsHelp(args)) {
            System.out.println(LauncherConfig.USAGE);
            return;
        }
        try {
            DealflowLocal launcher = new DealflowLocal(LauncherConfig.from(System.getenv(), List.of(args), launcherDir()));
            Runtime.getRuntime().addShutdownHook(new Thread(launcher::shutdown, "dealflow-shutdown"));
            launcher.start();
            launcher.supervise();
            launcher.printSummary();
            launcher.startDemoIfAsked();
            int code = launcher.gaveUp.join();
            launcher.shutdown();
            System.exit(code);
        } catch (LaunchException e) {
            System.err.println("[dealflow] " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        } catch (RuntimeException e) {
            // Exit explicitly: the broker's non-daemon threads would otherwise keep a failed launcher alive.
            System.err.println("[dealflow] failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    private void start() throws InterruptedException {
        LocalPostgres postgres = new LocalPostgres(config);
        postgres.requireReachable();
        // The services' databases and the broker's topics are one local state: event-store publisher tokens and
        // consumer positions in the databases point into the topics. Empty topics with old databases would leave
        // the consumers waiting for events that were published to a broker that no longer exists.
        boolean newBroker = config.reset() || !KraftBroker.hasData(config.kafkaDataDir());
        for (ServiceSpec service : ServiceSpec.ALL) {
            if (newBroker) {
                postgres.recreateDatabase(config.databaseOf(service));
                say("new Kafka data: (re)created an empty database " + config.databaseOf(service));
            } else if (postgres.ensureDatabase(config.databaseOf(service))) {
                say("created database " + config.databaseOf(service));
            }
            requireJar(service);
            requireFreePort(service, config.portOf(service), service.portVariable());
            requireFreePort(service, config.managementPortOf(service), service.managementPortVariable());
        }
        if (config.startsAuthServer()) {
            requireJar(ServiceSpec.AUTH_SERVER);
            requireFreePort(ServiceSpec.AUTH_SERVER, config.portOf(ServiceSpec.AUTH_SERVER),
                    ServiceSpec.AUTH_SERVER.portVariable());
        }
        startKafka();
        // first: the services ask it for its keys on their first request, task- and handoff-service for tokens
        if (config.startsAuthServer()) {
            startAuthServer();
        } else {
            say("using the issuer " + config.issuer() + " (DEALFLOW_OAUTH_ISSUER_URI); no local authorization server");
        }
        for (ServiceSpec service : ServiceSpec.ALL) {
            startService(service);
        }
        for (SupervisedService service : services()) {
            service.awaitHealthy();
            say(service.name() + " is UP");
        }
    }

    /** From here on whatever stops on its own is brought back; the control endpoint, when asked for, opens. */
    private void supervise() {
        broker.supervise();
        for (SupervisedService service : services()) {
            service.supervise();
        }
        config.controlPort().ifPresent(port -> {
            LauncherControl opened = LauncherControl.open(port, this::status, broker::fail);
            synchronized (this) {
                control = opened;
            }
            say("control endpoint on http://127.0.0.1:" + port + " (GET /status, POST /kafka/fail?downSeconds=N)");
        });
    }

    private LauncherStatus status() {
        List<LauncherStatus.Service> children = services().stream()
                .map(service -> new LauncherStatus.Service(service.name(), service.process().pid(),
                        service.process().port(), service.process().managementPort(), service.up(),
                        service.restarts()))
                .toList();
        return new LauncherStatus(shutdownStarted.getCount() == 0 ? "STOPPING" : "RUNNING",
                new LauncherStatus.Broker(config.kafkaBootstrapServers(), broker.running(), broker.restarts()),
                children);
    }

    private void giveUp(String why) {
        System.err.println("[dealflow] " + why + "\n[dealflow] stopping Dealflow");
        gaveUp.complete(1);
    }

    private boolean stopping() {
        return shutdownStarted.getCount() == 0 || gaveUp.isDone();
    }

    private SupervisedService supervised(ServiceSpec spec, java.util.function.Supplier<ServiceProcess> starter) {
        return new SupervisedService(spec, starter, RestartPolicy.DEFAULT, STARTUP_TIMEOUT, SIGNAL_GRACE,
                this::stopping, this::giveUp);
    }

    private void startAuthServer() throws InterruptedException {
        ServiceSpec spec = ServiceSpec.AUTH_SERVER;
        int port = config.portOf(spec);
        Map<String, String> env = new HashMap<>(config.processEnvironment());
        env.put(spec.portVariable(), Integer.toString(port));
        env.put("DEALFLOW_AUTH_ISSUER", config.issuer());
        env.put("DEALFLOW_AUTH_KEY_FILE", config.authKeyFile().toString());
        say("starting the authorization server on " + config.issuer() + " (signing key in " + config.authKeyFile()
                + ")");
        SupervisedService authServer = supervised(spec,
                () -> ServiceProcess.start(spec, port, port, jarOf(spec), config.jvmOptionsOf(spec), env));
        synchronized (this) {
            if (shutdownStarted.getCount() == 0) {
                return;
            }
            authServer.start();
            services.add(authServer);
        }
        authServer.awaitHealthy();
    }

    private void startKafka() {
        if (config.reset()) {
            deleteRecursively(config.kafkaDataDir());
            say("--reset: wiped Kafka data in " + config.kafkaDataDir());
        }
        say("starting Kafka on " + config.kafkaBootstrapServers() + " (data in " + config.kafkaDataDir() + ")");
        KraftBroker candidate = KraftBroker.builder()
                .dataDir(config.kafkaDataDir())
                .port(config.kafkaPort())
                .partitions(config.kafkaPartitions())
                .build();
        SupervisedBroker supervised = new SupervisedBroker(candidate, RestartPolicy.DEFAULT, this::stopping,
                this::giveUp);
        synchronized (this) {
            broker = supervised;
        }
        try {
            supervised.start();
        } catch (IllegalStateException e) {
            throw new LaunchException(e.getMessage() + " (set DEALFLOW_KAFKA_PORT to use another port)");
        }
    }

    private void startService(ServiceSpec spec) {
        int port = config.portOf(spec);
        int managementPort = config.managementPortOf(spec);
        Map<String, String> env = new HashMap<>(config.processEnvironment());
        env.put(spec.portVariable(), Integer.toString(port));
        env.put(spec.managementPortVariable(), Integer.toString(managementPort));
        env.put("DEALFLOW_OAUTH_ISSUER_URI", config.issuer());
        env.put(spec.databaseUrlVariable(), config.jdbcUrl(config.databaseOf(spec)));
        env.put("DEALFLOW_DB_USER", config.pgUser());
        env.put("DEALFLOW_DB_PASSWORD", config.pgPassword());
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrapServers());
        env.put("SPRING_PROFILES_ACTIVE", "local");
        // every service can reach every other one: deal-service's URL is what task- and handoff-service call
        for (ServiceSpec other : ServiceSpec.ALL) {
            env.put(other.urlVariable(), "http://127.0.0.1:" + config.portOf(other));
        }
        say("starting " + spec.name() + " on port " + port + " (management " + managementPort + ")");
        SupervisedService service = supervised(spec,
                () -> ServiceProcess.start(spec, port, managementPort, jarOf(spec), config.jvmOptionsOf(spec), env));
        synchronized (this) {
            if (shutdownStarted.getCount() == 0) {
                return;
            }
            service.start();
            services.add(service);
        }
    }

    private void printSummary() {
        StringBuilder summary = new StringBuilder("\n[dealflow] Dealflow is running.\n");
        summary.append(String.format("  %-16s %s   (data in %s)%n", "Kafka bootstrap", config.kafkaBootstrapServers(),
                config.kafkaDataDir()));
        summary.append(String.format("  %-16s %s%n", "token issuer", config.issuer()));
        for (SupervisedService supervised : services()) {
            ServiceSpec spec = supervised.spec();
            if (!ServiceSpec.ALL.contains(spec)) {
                continue;
            }
            ServiceProcess service = supervised.process();
            summary.append(String.format("  %-16s %s%n", service.name(), service.baseUrl()));
            summary.append(String.format("    %-14s %s/actuator/health, /actuator/prometheus%n", "management",
                    service.managementUrl()));
            summary.append(String.format("    %-14s %s/v3/api-docs%n", "OpenAPI", service.baseUrl()));
            summary.append(String.format("    %-14s %s (user %s)%n", "PostgreSQL", config.jdbcUrl(config.databaseOf(spec)),
                    config.pgUser()));
        }
        if (config.startsAuthServer()) {
            summary.append(String.format("  Every API request needs a token; the demo clients (README: Who may do what) have the"
                    + " secret <client>-secret, e.g.:%n"
                    + "    TOKEN=$(curl -s -u demo-integration:demo-integration-secret -d grant_type=client_credentials \\%n"
                    + "      %s/oauth2/token | sed 's/.*\"access_token\":\"\\([^\"]*\\)\".*/\\1/')%n"
                    + "    curl -s -H \"Authorization: Bearer $TOKEN\" %s/api/v1/pipelines%n"
                    + "  (also sales-head, contracts-head, delivery-head, dealflow-admin; tokens live 15 minutes)%n",
                    config.issuer(), localUrl("deal-service")));
        }
        summary.append("[dealflow] Press Ctrl-C to stop.\n");
        System.out.println(summary);
    }

    private void startDemoIfAsked() {
        if (!config.demo()) {
            return;
        }
        DemoTraffic traffic = DemoTraffic.start(config.issuer(),
                localUrl("deal-service"), localUrl("task-service"), localUrl("handoff-service"), config.demoRate(),
                config.demoHistoryDeals());
        synchronized (this) {
            demo = traffic;
        }
        say("--demo: driving demo deals through sales, contracts and delivery at " + config.demoRate()
                + " new deals/s (DEALFLOW_DEMO_RATE)" + (config.demoHistoryDeals() > 0 ? ", after importing a year of"
                + " sales history of " + config.demoHistoryDeals() + " deals (DEALFLOW_DEMO_HISTORY_DEALS)" : ""));
    }

    private String localUrl(String serviceName) {
        ServiceSpec spec = ServiceSpec.ALL.stream().filter(s -> s.name().equals(serviceName)).findFirst().orElseThrow();
        return "http://127.0.0.1:" + config.portOf(spec);
    }

    private void shutdown() {
        List<SupervisedService> running;
        SupervisedBroker kafka;
        DemoTraffic traffic;
        LauncherControl controlEndpoint;
        synchronized (this) {
            if (shutdownStarted.getCount() == 0) {
                return;
            }
            shutdownStarted.countDown();
            running = new ArrayList<>(services);
            kafka = broker;
            traffic = demo;
            controlEndpoint = control;
        }
        if (controlEndpoint != null) {
            controlEndpoint.close();
        }
        if (traffic != null) {
            // before the services go: the demo would otherwise log every refused connection on the way down
            traffic.stop();
        }
        if (running.isEmpty() && kafka == null) {
            return;
        }
        say("stopping");
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).stop();
        }
        if (kafka != null) {
            kafka.stop();
        }
        say("stopped");
    }

    private synchronized List<SupervisedService> services() {
        return List.copyOf(services);
    }

    private Path jarOf(ServiceSpec spec) {
        return config.servicesDir().resolve(spec.jarName());
    }

    private void requireJar(ServiceSpec spec) {
        if (!Files.isRegularFile(jarOf(spec))) {
            throw new LaunchException(spec.name() + " is not built: " + jarOf(spec) + " is missing."
                    + " Build with `./mvnw -q -DskipTests package` (or use ./run-local.sh), or set DEALFLOW_SERVICES_DIR.");
        }
    }

    /** A service already listening there would answer our health check in place of the new one. */
    private static void requireFreePort(ServiceSpec spec, int port, String variable) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
        } catch (IOException e) {
            throw new LaunchException("Port " + port + " for " + spec.name() + " is already in use."
                    + " Stop whatever listens there or set " + variable + " to another port.");
        }
    }

    private static Path launcherDir() {
        try {
            Path location = Path.of(DealflowLocal.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // Packaged: target/dealflow-local.jar; from an IDE: target/classes. Either way services/ sits in target/.
            return location.getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot tell where the launcher runs from", e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not wipe " + dir, e);
        }
    }

    private static void say(String message) {
        System.out.println("[dealflow] " + message);
    }
}
