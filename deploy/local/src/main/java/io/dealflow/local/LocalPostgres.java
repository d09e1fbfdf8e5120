package io.dealflow.local;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/** The developer's PostgreSQL server: checked before anything starts, and given each service's database. */
final class LocalPostgres {

    private static final String CONNECT_TIMEOUT_SECONDS = "3";

    private final LauncherConfig config;

    LocalPostgres(LauncherConfig config) {
        this.config = config;
    }

    /** Creates the database unless it exists; returns whether it had to be created. */
    boolean ensureDatabase(String database) {
        try (Connection connection = connect();
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, database);
            try (ResultSet result = exists.executeQuery()) {
                if (result.next()) {
                    return false;
                }
            }
            try (Statement create = connection.createStatement()) {
                // Database names come from ServiceSpec constants; DDL cannot take bind parameters.
                create.execute("CREATE DATABASE " + database);
            }
            return true;
        } catch (SQLException e) {
            throw new LaunchException("Could not create database " + database + ": " + e.getMessage());
        }
    }

    /** Drops the database (closing its connections) and creates it empty. */
    void recreateDatabase(String database) {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // Database names come from ServiceSpec constants; DDL cannot take bind parameters.
            statement.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new LaunchException("Could not recreate database " + database + ": " + e.getMessage());
        }
    }

    void requireReachable() {
        try (Connection connection = connect()) {
            connection.isValid(2);
        } catch (SQLException e) {
            throw new LaunchException("PostgreSQL is not reachable at " + config.pgHost() + ":" + config.pgPort()
                    + " as user " + config.pgUser() + " (" + firstLine(e.getMessage()) + "). Fix: start it with"
                    + " `pg_ctlcluster 15 main start`, or set DEALFLOW_PG_HOST/DEALFLOW_PG_PORT/DEALFLOW_PG_USER.");
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", config.pgUser());
        props.setProperty("password", config.pgPassword());
        props.setProperty("connectTimeout", CONNECT_TIMEOUT_SECONDS);
        props.setProperty("loginTimeout", CONNECT_TIMEOUT_SECONDS);
        return DriverManager.getConnection(config.jdbcUrl("postgres"), props);
    }

    private static String firstLine(String message) {
        return message == null ? "no details" : message.lines().findFirst().orElse(message);
    }
}
