package io.dealflow.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Function;

/**
 * Columns of many rows as SQL arrays, for the projections' multi-row statements ({@code unnest(?::text[], ...)}):
 * one statement and one round trip write a whole batch. Times travel as ISO-8601 text cast to timestamptz, which
 * names the instant exactly, whatever the session's time zone.
 */
public final class SqlArrays {

    private SqlArrays() {
    }

    /** An instant as PostgreSQL stores it (microseconds, rounded half up as the JDBC driver sends it). */
    public static Instant micros(Instant instant) {
        return instant == null ? null : instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    public static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    public static <T> String[] text(List<T> rows, Function<T, String> column) {
        return rows.stream().map(column).toArray(String[]::new);
    }

    public static <T> Times times(List<T> rows, Function<T, Instant> column) {
        return new Times(rows.stream().map(column).map(time -> time == null ? null : time.toString())
                .toArray(String[]::new));
    }

    public static <T> Integer[] ints(List<T> rows, Function<T, Integer> column) {
        return rows.stream().map(column).toArray(Integer[]::new);
    }

    public static <T> Long[] longs(List<T> rows, Function<T, Long> column) {
        return rows.stream().map(column).toArray(Long[]::new);
    }

    public static <T> Boolean[] booleans(List<T> rows, Function<T, Boolean> column) {
        return rows.stream().map(column).toArray(Boolean[]::new);
    }

    /** Binds scalars (int, String) and column arrays in order. */
    public static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter instanceof Times times) {
                statement.setArray(i + 1, connection.createArrayOf("text", times.values()));
            } else if (parameter instanceof String[] values) {
                statement.setArray(i + 1, connection.createArrayOf("text", values));
            } else if (parameter instanceof Integer[] values) {
                statement.setArray(i + 1, connection.createArrayOf("int4", values));
            } else if (parameter instanceof Long[] values) {
                statement.setArray(i + 1, connection.createArrayOf("int8", values));
            } else if (parameter instanceof Boolean[] values) {
                statement.setArray(i + 1, connection.createArrayOf("bool", values));
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
        return statement;
    }

    /** Instants as ISO-8601 text, for a {@code ?::timestamptz[]} parameter. */
    public record Times(String[] values) {
    }
}
