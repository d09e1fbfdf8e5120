package io.dealflow.platform.jdbc.maintenance;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Analyses and vacuums the service's own tables when the PostgreSQL server's autovacuum is off, by autovacuum's own
 * thresholds. Without statistics the planner keeps the plans it made for empty tables (seen: an UPDATE by primary
 * key taking 100 ms through a cached plan, an anti-join filtering millions of rows), and without vacuum dead rows
 * pile up in every index. A server with autovacuum on is left to it: this then does nothing.
 *
 * <p>One instance per database works at a time (an advisory lock); each table's work is its own statement, so a
 * long VACUUM never holds anything but that table's maintenance lock.
 */
public class TableMaintenance {

    private static final Logger log = LoggerFactory.getLogger(TableMaintenance.class);
    /** "maint" in ASCII: one maintainer per database. */
    private static final long LOCK = 0x6d61696e74L;

    /** autovacuum's defaults: analyze_threshold 50 + analyze_scale_factor 0.1, vacuum 50 + 0.2. */
    private static final String DUE = """
            SELECT quote_ident(s.schemaname) || '.' || quote_ident(s.relname) AS name,
                   n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0) AS vacuum,
                   n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0) AS analyze
            FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
            WHERE n_dead_tup > 50 + 0.2 * greatest(c.reltuples, 0)
               OR n_mod_since_analyze > 50 + 0.1 * greatest(c.reltuples, 0)""";

    private final JdbcTemplate jdbc;
    private final Duration interval;
    private volatile boolean announced;

    public TableMaintenance(DataSource dataSource, Duration interval) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.interval = interval;
    }

    /** @return the tables worked on, as "VACUUM (ANALYZE) name" or "ANALYZE name" */
    public List<String> maintain() {
        if (!"off".equals(jdbc.queryForObject("SHOW autovacuum", String.class))) {
            return List.of();
        }
        if (!announced) {
            announced = true;
            log.info("autovacuum is off on this PostgreSQL server: this service analyses and vacuums its own tables "
                    + "every {} by autovacuum's thresholds", interval);
        }
        // VACUUM cannot run inside a transaction block: one autocommit connection of its own
        List<String> done = jdbc.execute((ConnectionCallback<List<String>>) connection -> {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                return maintainOn(statement);
            }
        });
        if (!done.isEmpty()) {
            log.debug("autovacuum is off on this PostgreSQL server; did {}", done);
        }
        return done;
    }

    private static List<String> maintainOn(Statement statement) throws SQLException {
        try (var locked = statement.executeQuery("SELECT pg_try_advisory_lock(" + LOCK + ")")) {
            if (!locked.next() || !locked.getBoolean(1)) {
                return List.of();
            }
        }
        try {
            List<String> commands = new ArrayList<>();
            try (var due = statement.executeQuery(DUE)) {
                while (due.next()) {
                    commands.add((due.getBoolean("vacuum") ? "VACUUM (ANALYZE, SKIP_LOCKED) " : "ANALYZE ")
                            + due.getString("name"));
                }
            }
            for (String command : commands) {
                statement.execute(command);
            }
            return commands;
        } finally {
            statement.execute("SELECT pg_advisory_unlock(" + LOCK + ")");
        }
    }
}
