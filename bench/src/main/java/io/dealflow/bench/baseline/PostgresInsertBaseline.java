package io.dealflow.bench.baseline;

import io.dealflow.bench.config.Target;
import io.dealflow.bench.measure.Latencies;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The machine's raw write limit that every command rate is compared with: one 600-byte row INSERT per commit
 * (autocommit, synchronous_commit left on, so each commit waits for its WAL flush like deal-service's do), from N
 * connections at once, on the same PostgreSQL server, in a database of its own.
 */
public final class PostgresInsertBaseline {

    static final int ROW_BYTES = 600;

    private final Target target;
    private final String database;

    public PostgresInsertBaseline(Target target, String database) {
        this.target = target;
        this.database = database;
    }

    public Latencies run(int connections, Duration duration) throws SQLException, InterruptedException {
        prepare();
        Latencies latencies = new Latencies();
        String payload = "x".repeat(ROW_BYTES);
        CountDownLatch ready = new CountDownLatch(connections);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread thread = new Thread(() -> {
                try (Connection connection = connect(database);
                     PreparedStatement insert = connection.prepareStatement("INSERT INTO raw_rows (payload) VALUES (?)")) {
                    connection.setAutoCommit(true);
                    insert.setString(1, payload);
                    ready.countDown();
                    go.await();
                    long end = System.nanoTime() + duration.toNanos();
                    for (long start = System.nanoTime(); start < end; start = System.nanoTime()) {
                        insert.executeUpdate();
                        latencies.recordNanos(start, System.nanoTime());
                    }
                } catch (SQLException e) {
                    latencies.error();
                    synchronized (failures) {
                        failures.add(e);
                    }
                    ready.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "raw-insert-" + i);
            threads.add(thread);
            thread.start();
        }
        ready.await();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Raw INSERT baseline failed", failures.get(0));
        }
        return latencies;
    }

    /** Its own database, created when missing, emptied before each run so every run starts from the same table. */
    private void prepare() throws SQLException {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "''") + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            }
        }
        try (Connection connection = connect(database); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS raw_rows (id bigserial PRIMARY KEY, payload text NOT NULL)");
            statement.execute("TRUNCATE raw_rows");
        }
    }

    public void dropDatabase() throws SQLException {
        try (Connection admin = connect("postgres"); Statement statement = admin.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private Connection connect(String name) throws SQLException {
        return DriverManager.getConnection(target.jdbcUrl(name), target.dbUser(), target.dbPassword());
    }
}
