package io.dealflow.platform.testing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.Deque;

import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server and Kafka broker shared by every test in this JVM.
 *
 * <p>Both are started on first use and stopped by one shutdown hook, so a test suite pays their
 * start-up once however many Spring contexts it builds. By default the tests use the local
 * PostgreSQL server (settings from {@code DEALFLOW_TEST_PG_*}) and a real KRaft broker inside this
 * JVM; Testcontainers takes over when {@code DEALFLOW_TEST_USE_TESTCONTAINERS=true}, or when the
 * local server is unreachable and a Docker engine is available.
 */
public final class TestInfrastructure {

    static final String POSTGRES_IMAGE = "postgres:15";

    private static final int CONNECT_TIMEOUT_MILLIS = 2_000;

    private static PostgresServer postgres;
    private static KafkaUnderTest kafka;
    private static Boolean useTestcontainers;
    /** Stopped last-started-first, so databases are dropped before their server goes away. */
    private static final Deque<Runnable> shutdownActions = new ArrayDeque<>();
    /**
     * Closed before any infrastructure goes: an application still consuming from a broker that
     * is already gone blocks the JVM's exit on its consumers' close timeouts.
     */
    private static final Deque<AutoCloseable> users = new ArrayDeque<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::shutdown, "test-infrastructure-shutdown"));
    }

    private TestInfrastructure() {
    }

    /** Creates an empty database named {@code <prefix>_<8 random chars>}, dropped when the JVM exits. */
    public static TestDatabase newDatabase(String prefix) {
        return postgres().createDatabase(prefix);
    }

    /**
     * The broker shared by all tests in this JVM, started on first call. Tests that stop it must
     * start it again before they finish, or every later test in the run loses its broker.
     */
    public static synchronized KafkaUnderTest kafka() {
        if (kafka == null) {
            if (useTestcontainers()) {
                ContainerKafka container = ContainerKafka.startContainer();
                shutdownActions.push(container::destroy);
                kafka = container;
            } else {
                InJvmKafka broker = InJvmKafka.startOnFreePort();
                shutdownActions.push(broker::destroy);
                kafka = broker;
            }
        }
        return kafka;
    }

    /** Registers something (typically a Spring context) to be closed before the infrastructure stops. */
    static synchronized void closeBeforeShutdown(AutoCloseable user) {
        users.push(user);
    }

    private static synchronized PostgresServer postgres() {
        if (postgres == null) {
            postgres = useTestcontainers() ? startPostgresContainer() : localPostgres();
            PostgresServer server = postgres;
            shutdownActions.push(server::dropCreatedDatabases);
        }
        return postgres;
    }

    private static PostgresServer localPostgres() {
        LocalPostgresSettings settings = LocalPostgresSettings.fromEnvironment();
        if (!isReachable(settings.host(), settings.port())) {
            throw new IllegalStateException("No PostgreSQL at " + settings.host() + ":" + settings.port()
                    + " and no Docker engine for Testcontainers. Start it with `pg_ctlcluster 15 main start`,"
                    + " or point DEALFLOW_TEST_PG_HOST/DEALFLOW_TEST_PG_PORT at a running server.");
        }
        return new PostgresServer(settings.host(), settings.port(), settings.username(), settings.password());
    }

    private static PostgresServer startPostgresContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(POSTGRES_IMAGE);
        container.start();
        shutdownActions.push(container::stop);
        return new PostgresServer(container.getHost(), container.getMappedPort(5432),
                container.getUsername(), container.getPassword());
    }

    /** Decided once per JVM, so PostgreSQL and Kafka always come from the same world. */
    static synchronized boolean useTestcontainers() {
        if (useTestcontainers == null) {
            LocalPostgresSettings local = LocalPostgresSettings.fromEnvironment();
            useTestcontainers = Env.isTrue("DEALFLOW_TEST_USE_TESTCONTAINERS")
                    || (!isReachable(local.host(), local.port()) && DockerProbe.isDockerAvailable());
        }
        return useTestcontainers;
    }

    private static boolean isReachable(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MILLIS);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static synchronized void shutdown() {
        while (!users.isEmpty()) {
            try {
                users.pop().close();
            } catch (Exception e) {
                System.err.println("A test application did not close cleanly: " + e);
            }
        }
        while (!shutdownActions.isEmpty()) {
            try {
                shutdownActions.pop().run();
            } catch (RuntimeException e) {
                System.err.println("Test infrastructure did not shut down cleanly: " + e);
            }
        }
    }

    private record LocalPostgresSettings(String host, int port, String username, String password) {

        static LocalPostgresSettings fromEnvironment() {
            return new LocalPostgresSettings(
                    Env.get("DEALFLOW_TEST_PG_HOST", "127.0.0.1"),
                    Env.getInt("DEALFLOW_TEST_PG_PORT", 5432),
                    Env.get("DEALFLOW_TEST_PG_USER", "postgres"),
                    Env.get("DEALFLOW_TEST_PG_PASSWORD", ""));
        }
    }
}
