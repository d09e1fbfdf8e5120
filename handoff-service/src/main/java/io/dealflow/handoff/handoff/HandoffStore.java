package io.dealflow.handoff.handoff;

import io.dealflow.api.json.DealflowJson;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.Optional;

/** Handoff records in PostgreSQL; every method runs in the caller's transaction, or is one by itself. */
@Repository
class HandoffStore {

    private static final TypeReference<Map<String, Object>> PROBLEM = new TypeReference<>() {
    };

    private final JdbcClient jdbc;

    HandoffStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A source deal is won once, so it has one handoff; a second insert (a redelivery) changes nothing. */
    void insert(Handoff handoff) {
        jdbc.sql("""
                        INSERT INTO handoffs (source_deal_id, from_pipeline_id, to_pipeline_id, receiver_id, request, status,
                                              problem, next_attempt_at, won_at, created_at)
                        VALUES (:id, :from, :to, :receiver, CAST(:request AS jsonb), :status, CAST(:problem AS jsonb),
                                :nextAttemptAt, :wonAt, :createdAt)
                        ON CONFLICT (source_deal_id) DO NOTHING""")
                .param("id", handoff.sourceDealId())
                .param("from", handoff.fromPipelineId())
                .param("to", handoff.toPipelineId())
                .param("receiver", handoff.receiverId())
                .param("request", json(handoff.request()))
                .param("status", handoff.status().name())
                .param("problem", handoff.problem() == null ? null : json(handoff.problem()))
                .param("nextAttemptAt", timestamp(handoff.nextAttemptAt()))
                .param("wonAt", timestamp(handoff.wonAt()))
                .param("createdAt", timestamp(handoff.createdAt()))
                .update();
    }

    Optional<Handoff> find(String sourceDealId) {
        return jdbc.sql("SELECT * FROM handoffs WHERE source_deal_id = :id").param("id", sourceDealId)
                .query(HANDOFF).optional();
    }

    /**
     * Claims the next handoff due whose lease is free or ran out, in one short statement: the row lock lasts only
     * as long as the statement, and the lease keeps other instances off while the claimant calls deal-service.
     */
    Optional<HandoffClaim> claimDue(Instant now, String claimant, Duration lease) {
        return jdbc.sql("""
                        UPDATE handoffs SET claimed_by = :claimant, lease_until = :leaseUntil
                        WHERE source_deal_id = (
                            SELECT source_deal_id FROM handoffs
                            WHERE next_attempt_at <= :now AND status <> 'DONE'
                              AND (lease_until IS NULL OR lease_until <= :now)
                            ORDER BY next_attempt_at LIMIT 1 FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .param("now", Timestamp.from(now)).param("claimant", claimant)
                .param("leaseUntil", Timestamp.from(now.plus(lease)))
                .query((row, n) -> new HandoffClaim(HANDOFF.mapRow(row, n), row.getString("claimed_by"),
                        row.getTimestamp("lease_until").toInstant()))
                .optional();
    }

    /** @return false when the lease was no longer the claim's: another attempt owns the handoff now */
    boolean done(HandoffClaim claim, String targetDealId, Instant at) {
        return jdbc.sql("""
                        UPDATE handoffs SET status = 'DONE', target_deal_id = :target, attempts = attempts + 1,
                                            next_attempt_at = NULL, completed_at = :at,
                                            claimed_by = NULL, lease_until = NULL
                        WHERE source_deal_id = :id AND claimed_by = :claimant AND lease_until = :leaseUntil""")
                .param("id", claim.handoff().sourceDealId()).param("target", targetDealId)
                .param("at", Timestamp.from(at))
                .params(lease(claim)).update() == 1;
    }

    /**
     * @param targetDealId the deal already opened when a later step (an attachment) failed, or null
     * @param retryAt      when to try again by itself, or null to wait for a person's retry
     * @return false when the lease was no longer the claim's: another attempt owns the handoff now
     */
    boolean failed(HandoffClaim claim, String targetDealId, Map<String, Object> problem, Instant retryAt) {
        return jdbc.sql("""
                        UPDATE handoffs SET status = 'FAILED', problem = CAST(:problem AS jsonb), attempts = attempts + 1,
                                            next_attempt_at = :retryAt,
                                            target_deal_id = COALESCE(:target, target_deal_id),
                                            claimed_by = NULL, lease_until = NULL
                        WHERE source_deal_id = :id AND claimed_by = :claimant AND lease_until = :leaseUntil""")
                .param("id", claim.handoff().sourceDealId()).param("problem", json(problem))
                .param("retryAt", timestamp(retryAt))
                .param("target", targetDealId)
                .params(lease(claim)).update() == 1;
    }

    private static Map<String, Object> lease(HandoffClaim claim) {
        return Map.of("claimant", claim.claimant(), "leaseUntil", Timestamp.from(claim.leaseUntil()));
    }

    /** A person's retry of a handoff that had nobody to receive it: the receiver picked now, and the request with it. */
    void assignReceiver(String sourceDealId, String receiverId, HandoffRequest request) {
        jdbc.sql("UPDATE handoffs SET receiver_id = :receiver, request = CAST(:request AS jsonb) WHERE source_deal_id = :id")
                .param("id", sourceDealId).param("receiver", receiverId).param("request", json(request)).update();
    }

    void retryNow(String sourceDealId, Instant now) {
        jdbc.sql("""
                        UPDATE handoffs SET status = 'PENDING', next_attempt_at = :now, manual_retries = manual_retries + 1
                        WHERE source_deal_id = :id""")
                .param("id", sourceDealId).param("now", Timestamp.from(now)).update();
    }

    /** @param visible the pipelines whose handoffs (from or to them) are shown, or null for all; never empty */
    List<Handoff> page(HandoffStatus status, Set<String> visible, int page, int size) {
        return jdbc.sql("SELECT * FROM handoffs WHERE (CAST(:status AS text) IS NULL OR status = :status)"
                        + onlyIn(visible) + " ORDER BY created_at DESC, source_deal_id LIMIT :limit OFFSET :offset")
                .param("status", status == null ? null : status.name())
                .params(visibleParam(visible))
                .param("limit", size).param("offset", (long) page * size)
                .query(HANDOFF).list();
    }

    long count(HandoffStatus status, Set<String> visible) {
        return jdbc.sql("SELECT count(*) FROM handoffs WHERE (CAST(:status AS text) IS NULL OR status = :status)"
                        + onlyIn(visible))
                .param("status", status == null ? null : status.name())
                .params(visibleParam(visible)).query(Long.class).single();
    }

    /** A handoff belongs to both departments it joins: the one that won the deal and the one that receives it. */
    private static String onlyIn(Set<String> visible) {
        return visible == null ? "" : " AND (from_pipeline_id IN (:visible) OR to_pipeline_id IN (:visible))";
    }

    private static Map<String, Object> visibleParam(Set<String> visible) {
        return visible == null ? Map.of() : Map.of("visible", visible);
    }

    private static final RowMapper<Handoff> HANDOFF = (ResultSet row, int index) -> new Handoff(
            row.getString("source_deal_id"),
            row.getString("from_pipeline_id"),
            row.getString("to_pipeline_id"),
            row.getString("receiver_id"),
            DealflowJson.mapper().readValue(row.getString("request"), HandoffRequest.class),
            HandoffStatus.valueOf(row.getString("status")),
            row.getString("target_deal_id"),
            row.getInt("attempts"),
            row.getInt("manual_retries"),
            row.getString("problem") == null ? null : DealflowJson.mapper().readValue(row.getString("problem"), PROBLEM),
            instant(row, "next_attempt_at"),
            instant(row, "won_at"),
            instant(row, "created_at"),
            instant(row, "completed_at"));

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp timestamp = row.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static String json(Object value) {
        return DealflowJson.mapper().writeValueAsString(value);
    }
}
