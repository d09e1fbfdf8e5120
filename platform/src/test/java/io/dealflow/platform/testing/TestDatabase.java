package io.dealflow.platform.testing;

/**
 * A freshly created, empty PostgreSQL database that belongs to one test (or one Spring context).
 * It is dropped when the JVM exits.
 */
public record TestDatabase(String jdbcUrl, String username, String password, String name) {
}
