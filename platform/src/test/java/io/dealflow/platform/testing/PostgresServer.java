package io.dealflow.platform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the tests may create databases on, reached as a superuser.
 * Every database it creates is remembered so that it can be dropped when the JVM exits.
 */
final class PostgresServer {

    private static final Pattern SAFE_PREFIX = Pattern.compile("[a-z][a-z0-9_]{0,40}");

    private final String host;
    private final int port;
    private final String username;
    private final String password;
    private final List<String> created = new CopyOnWriteArrayList<>();

    PostgresServer(String host, int port, String username, String password) {
        this.host = host;
        this.port = port;
        this.username = username;
        this.password = password;
    }

    TestDatabase createDatabase(String prefix) {
        String safePrefix = prefix.toLowerCase(Locale.ROOT);
        if (!SAFE_PREFIX.matcher(safePrefix).matches()) {
            // The name is spliced into DDL, which cannot take bind parameters.
            throw new IllegalArgumentException("Database prefix must match " + SAFE_PREFIX + ": " + prefix);
        }
        String name = safePrefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        execute("CREATE DATABASE " + name);
        created.add(name);
        return new TestDatabase(jdbcUrl(name), username, password, name);
    }

    /** Drops every database this server created; connections a context left open are cut off. */
    void dropCreatedDatabases() {
        for (String name : created) {
            try {
                execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            } catch (RuntimeException e) {
                System.err.println("Could not drop test database " + name + ": " + e.getMessage());
            }
        }
        created.clear();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), username, password);
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + host + ":" + port + " refused: " + sql, e);
        }
    }
}
