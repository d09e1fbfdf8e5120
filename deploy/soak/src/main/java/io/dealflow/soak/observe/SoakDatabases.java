package io.dealflow.soak.observe;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import io.dealflow.soak.check.TaskRow;
import tools.jackson.databind.json.JsonMapper;

/**
 * The soak's own databases ({@code <prefix>_deal}, {@code _task}, {@code _handoff}, {@code _analytics}), read
 * directly where the checks need what no API shows (the event store, consumer positions, the outbox), and the one
 * place that kills their connections. Each call opens and closes its own connection: PostgreSQL is shared.
 */
public final class SoakDatabases {

    private static final List<String> SERVICES = List.of("deal", "task", "handoff", "analytics");

    private final String host;
    private final int port;
    private final String prefix;
    private final JsonMapper json = JsonMapper.builder().build();

    public SoakDatabases(String host, int port, String prefix) {
        this.host = host;
        this.port = port;
        this.prefix = prefix;
    }

    public List<String> names() {
        return SERVICES.stream().map(service -> prefix + "_" + service).toList();
    }

    /** Every deal event in deal-service's event store. */
    public List<DealEventRecord> eventStore() throws SQLException {
        List<DealEventRecord> events = new ArrayList<>();
        try (Connection connection = connect("deal"); PreparedStatement query = connection.prepareStatement(
                "SELECT aggregateidentifier, sequencenumber, payloadtype, payload, timestamp FROM domainevententry"
                        + " WHERE payloadtype LIKE 'io.dealflow.api.deal.%' ORDER BY globalindex")) {
            query.setFetchSize(1000);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String payloadType = rows.getString(3);
                    String type = payloadType.substring(payloadType.lastIndexOf('.') + 1);
                    DealEventRecord parsed = DealEventParser.parse(json.readTree(rows.getBytes(4)), type,
                            rows.getLong(2), Instant.parse(rows.getString(5)));
                    // the row's aggregate id is the authority, whatever the payload says
                    events.add(new DealEventRecord(rows.getString(1), parsed.sequence(), type, parsed.pipelineId(),
                            parsed.pipelineVersion(), parsed.stageId(), parsed.direction(), parsed.managerId(),
                            parsed.reasonCode(), parsed.externalRef(), parsed.originDealId(), parsed.occurredAt()));
                }
            }
        }
        return events;
    }

    public List<TaskRow> tasks() throws SQLException {
        List<TaskRow> tasks = new ArrayList<>();
        try (Connection connection = connect("task"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT task_id, deal_id, stage_id, kind, status FROM tasks")) {
            while (rows.next()) {
                tasks.add(new TaskRow(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4),
                        rows.getString(5)));
            }
        }
        return tasks;
    }

    /** deal id to the last sequence applied by {@code consumer} in the service's database. */
    public Map<String, Long> positions(String service, String consumer) throws SQLException {
        Map<String, Long> positions = new HashMap<>();
        try (Connection connection = connect(service); PreparedStatement query = connection.prepareStatement(
                "SELECT aggregate_id, last_sequence FROM consumer_positions WHERE consumer_name = ?")) {
            query.setString(1, consumer);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    positions.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return positions;
    }

    public int analyticsGeneration() throws SQLException {
        return (int) count("analytics", "SELECT active_generation FROM projection_state");
    }

    /**
     * What is still on its way: task events not yet published, handoffs not yet done (pending, or failed for a
     * transient reason and due again: handoff-service retries those by itself).
     */
    public long backlog() throws SQLException {
        return count("task", "SELECT count(*) FROM outbox_events WHERE published_at IS NULL")
                + count("handoff", "SELECT count(*) FROM handoffs WHERE status = 'PENDING'"
                + " OR (status = 'FAILED' AND next_attempt_at IS NOT NULL)");
    }

    /** Every handoff as handoff-service keeps it, one line each: the evidence behind a handoff finding. */
    public List<String> handoffs() throws SQLException {
        List<String> lines = new ArrayList<>();
        lines.add("sourceDealId,fromPipelineId,toPipelineId,status,targetDealId,attempts,manualRetries,nextAttemptAt,"
                + "wonAt,completedAt,problem");
        try (Connection connection = connect("handoff"); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT source_deal_id, from_pipeline_id, to_pipeline_id,"
                     + " status, target_deal_id, attempts, manual_retries, next_attempt_at, won_at, completed_at,"
                     + " problem::text FROM handoffs ORDER BY won_at")) {
            while (rows.next()) {
                List<String> cells = new ArrayList<>();
                for (int column = 1; column <= 11; column++) {
                    String value = rows.getString(column);
                    cells.add(value == null ? "" : value.replace(',', ';').replace('\n', ' '));
                }
                lines.add(String.join(",", cells));
            }
        }
        return lines;
    }

    /** The fault: every connection to the soak's databases but this one is ended, as an outage of PostgreSQL ends them. */
    public int terminateConnections() throws SQLException {
        try (Connection connection = connect(null); PreparedStatement kill = connection.prepareStatement(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ANY (?)"
                        + " AND pid <> pg_backend_pid()")) {
            kill.setArray(1, connection.createArrayOf("text", names().toArray()));
            try (ResultSet result = kill.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    private long count(String service, String sql) throws SQLException {
        try (Connection connection = connect(service); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private Connection connect(String service) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("password", "");
        properties.setProperty("connectTimeout", "5");
        String database = service == null ? "postgres" : prefix + "_" + service;
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database, properties);
    }
}
