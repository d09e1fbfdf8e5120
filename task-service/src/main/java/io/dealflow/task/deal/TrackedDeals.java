package io.dealflow.task.deal;

import io.dealflow.platform.jdbc.SqlArrays;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Deals as task-service tracks them from deal events. Every method runs in the caller's transaction. */
@Repository
public class TrackedDeals {

    private static final RowMapper<TrackedDeal> DEAL = (row, index) -> new TrackedDeal(row.getString("deal_id"),
            row.getString("pipeline_id"), row.getInt("pipeline_version"), row.getString("title"),
            row.getString("stage_id"), row.getString("manager_id"), row.getBoolean("open"));

    private final JdbcClient jdbc;
    /** For the statements that bind a column of many rows as an array. */
    private final JdbcTemplate batch;

    public TrackedDeals(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * The deal, locked until the transaction ends: task changes of one deal are serialised, so two requests can never
     * both complete "the other" last task.
     */
    public Optional<TrackedDeal> lock(String dealId) {
        return jdbc.sql("SELECT * FROM tracked_deals WHERE deal_id = :id FOR UPDATE").param("id", dealId)
                .query(DEAL).optional();
    }

    /**
     * These deals, each locked as {@link #lock} locks one, in the order of their ids, so that two transactions that
     * lock some of the same deals take them in the same order and never wait for each other in a cycle. A deal not
     * tracked is absent.
     */
    public Map<String, TrackedDeal> lockAll(Collection<String> dealIds) {
        Map<String, TrackedDeal> locked = new HashMap<>();
        if (dealIds.isEmpty()) {
            return locked;
        }
        batch.query(connection -> SqlArrays.prepare(connection, """
                        SELECT d.* FROM unnest(?::text[]) AS wanted (deal_id)
                        JOIN tracked_deals d ON d.deal_id = wanted.deal_id
                        ORDER BY d.deal_id
                        FOR UPDATE OF d""", (Object) dealIds.toArray(String[]::new)),
                (RowCallbackHandler) row -> {
                    TrackedDeal deal = DEAL.mapRow(row, 0);
                    locked.put(deal.dealId(), deal);
                });
        return locked;
    }

    /** New deals as they are after the events seen of them, each with the time of the last. */
    public void insertAll(List<Seen> deals) {
        if (deals.isEmpty()) {
            return;
        }
        batch.update(connection -> SqlArrays.prepare(connection, """
                        INSERT INTO tracked_deals (deal_id, pipeline_id, pipeline_version, title, stage_id,
                                                   manager_id, open, updated_at)
                        SELECT * FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[],
                                             ?::boolean[], ?::timestamptz[])
                        ORDER BY 1""", columns(deals)));
    }

    /** Tracked deals as they are after the events seen of them, each with the time of the last. */
    public void updateAll(List<Seen> deals) {
        if (deals.isEmpty()) {
            return;
        }
        batch.update(connection -> SqlArrays.prepare(connection, """
                        UPDATE tracked_deals SET pipeline_version = u.pipeline_version, stage_id = u.stage_id,
                                                 manager_id = u.manager_id, open = u.open, updated_at = u.updated_at
                        FROM unnest(?::text[], ?::text[], ?::int[], ?::text[], ?::text[], ?::text[], ?::boolean[],
                                    ?::timestamptz[])
                             AS u (deal_id, pipeline_id, pipeline_version, title, stage_id, manager_id, open,
                                   updated_at)
                        WHERE tracked_deals.deal_id = u.deal_id""", columns(deals)));
    }

    private static Object[] columns(List<Seen> deals) {
        return new Object[] {SqlArrays.text(deals, seen -> seen.deal().dealId()),
                SqlArrays.text(deals, seen -> seen.deal().pipelineId()),
                SqlArrays.ints(deals, seen -> seen.deal().pipelineVersion()),
                SqlArrays.text(deals, seen -> seen.deal().title()),
                SqlArrays.text(deals, seen -> seen.deal().stageId()),
                SqlArrays.text(deals, seen -> seen.deal().managerId()),
                SqlArrays.booleans(deals, seen -> seen.deal().open()), SqlArrays.times(deals, Seen::at)};
    }

    /** A deal as of an event, and that event's time. */
    public record Seen(TrackedDeal deal, Instant at) {
    }

    public Optional<TrackedDeal> find(String dealId) {
        return jdbc.sql("SELECT * FROM tracked_deals WHERE deal_id = :id").param("id", dealId).query(DEAL).optional();
    }
}
