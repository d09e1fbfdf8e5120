package io.dealflow.task.deal;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/** Deals as task-service tracks them from deal events. Every method runs in the caller's transaction. */
@Repository
public class TrackedDeals {

    private static final RowMapper<TrackedDeal> DEAL = (row, index) -> new TrackedDeal(row.getString("deal_id"),
            row.getString("pipeline_id"), row.getInt("pipeline_version"), row.getString("title"),
            row.getString("stage_id"), row.getString("manager_id"), row.getBoolean("open"));

    private final JdbcClient jdbc;

    public TrackedDeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void opened(TrackedDeal deal, Instant at) {
        jdbc.sql("""
                        INSERT INTO tracked_deals (deal_id, pipeline_id, pipeline_version, title, stage_id, manager_id,
                                                   open, updated_at)
                        VALUES (:dealId, :pipelineId, :version, :title, :stageId, :managerId, true, :at)""")
                .param("dealId", deal.dealId())
                .param("pipelineId", deal.pipelineId())
                .param("version", deal.pipelineVersion())
                .param("title", deal.title())
                .param("stageId", deal.stageId())
                .param("managerId", deal.managerId())
                .param("at", Timestamp.from(at))
                .update();
    }

    /**
     * The deal, locked until the transaction ends: task changes of one deal are serialised, so two requests can never
     * both complete "the other" last task.
     */
    public Optional<TrackedDeal> lock(String dealId) {
        return jdbc.sql("SELECT * FROM tracked_deals WHERE deal_id = :id FOR UPDATE").param("id", dealId)
                .query(DEAL).optional();
    }

    public Optional<TrackedDeal> find(String dealId) {
        return jdbc.sql("SELECT * FROM tracked_deals WHERE deal_id = :id").param("id", dealId).query(DEAL).optional();
    }

    public void update(TrackedDeal deal, Instant at) {
        jdbc.sql("""
                        UPDATE tracked_deals SET pipeline_version = :version, stage_id = :stageId,
                                                 manager_id = :managerId, open = :open, updated_at = :at
                        WHERE deal_id = :dealId""")
                .param("dealId", deal.dealId())
                .param("version", deal.pipelineVersion())
                .param("stageId", deal.stageId())
                .param("managerId", deal.managerId())
                .param("open", deal.open())
                .param("at", Timestamp.from(at))
                .update();
    }
}
