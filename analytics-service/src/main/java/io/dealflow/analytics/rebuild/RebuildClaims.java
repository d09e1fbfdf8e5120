package io.dealflow.analytics.rebuild;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * The rebuild as every instance sees it ({@code projection_rebuild}): which instance runs it, its state and progress.
 * Claiming is one statement, so of two instances asked at once exactly one starts a rebuild; a running rebuild whose
 * heartbeat is older than the stale limit belongs to an instance that died and may be claimed again.
 */
@Component
class RebuildClaims {

    private static final String CLAIM = """
            INSERT INTO projection_rebuild AS r (state, source_generation, target_generation, owner, started_at,
                                                 heartbeat_at)
            SELECT 'REPLAYING', active_generation, active_generation + 1, :owner, :now, :now FROM projection_state
            ON CONFLICT (singleton) DO UPDATE
                SET state = 'REPLAYING', source_generation = EXCLUDED.source_generation,
                    target_generation = EXCLUDED.target_generation, owner = EXCLUDED.owner,
                    started_at = EXCLUDED.started_at, finished_at = NULL, heartbeat_at = EXCLUDED.heartbeat_at,
                    events_replayed = 0, events_to_replay = 0, error = NULL
                WHERE r.state NOT IN ('REPLAYING', 'SWITCHING') OR r.heartbeat_at < :staleBefore
            RETURNING source_generation, target_generation""";

    private final JdbcClient jdbc;

    RebuildClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @return the generations to rebuild from and into, or empty when a rebuild is running already */
    Optional<Claim> claim(String owner, Instant now, Instant staleBefore) {
        return jdbc.sql(CLAIM).param("owner", owner).param("now", at(now)).param("staleBefore", at(staleBefore))
                .query((row, n) -> new Claim(row.getInt("source_generation"), row.getInt("target_generation")))
                .optional();
    }

    /** Progress and liveness of the rebuild this instance owns. */
    void progress(String owner, String state, long replayed, long toReplay, Instant now) {
        jdbc.sql("""
                        UPDATE projection_rebuild SET state = :state, events_replayed = :replayed,
                                                      events_to_replay = :toReplay, heartbeat_at = :now
                        WHERE owner = :owner AND state IN ('REPLAYING', 'SWITCHING')""")
                .param("state", state).param("replayed", replayed).param("toReplay", toReplay)
                .param("now", at(now)).param("owner", owner).update();
    }

    void finish(String owner, String state, String error, Instant now) {
        jdbc.sql("""
                        UPDATE projection_rebuild SET state = :state, error = :error, finished_at = :now,
                                                      heartbeat_at = :now
                        WHERE owner = :owner""")
                .param("state", state).param("error", error).param("now", at(now)).param("owner", owner).update();
    }

    Optional<RebuildStatus> read(int activeGeneration) {
        return jdbc.sql("SELECT * FROM projection_rebuild")
                .query((row, n) -> status(row, activeGeneration)).optional();
    }

    private static RebuildStatus status(ResultSet row, int activeGeneration) throws SQLException {
        OffsetDateTime finished = row.getObject("finished_at", OffsetDateTime.class);
        return new RebuildStatus(row.getString("state"), activeGeneration, row.getInt("target_generation"),
                row.getObject("started_at", OffsetDateTime.class).toInstant(),
                finished == null ? null : finished.toInstant(), row.getLong("events_replayed"),
                row.getLong("events_to_replay"), row.getString("error"));
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    record Claim(int source, int target) {
    }
}
