package io.dealflow.analytics.stuck;

import io.dealflow.analytics.pipeline.ReportPipelines;
import io.dealflow.analytics.report.ReportFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * R6 stuck deals: open deals that have been in their stage longer than its SLA now, the longest waiting first.
 * The SLA is the one of the version the deal entered the stage under. {@code from}/{@code to} filter by when
 * the deal entered the stage.
 */
@Component
public class StuckDealsReport {

    private final JdbcClient jdbc;
    private final ReportPipelines catalog;

    public StuckDealsReport(JdbcClient jdbc, ReportPipelines catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<StuckDealRow> run(int generation, ReportFilter filter, Instant now) {
        return jdbc.sql("""
                        SELECT deal_id, pipeline_version, stage_id, manager_id, entered_at
                        FROM visits
                        WHERE generation = :generation AND pipeline_id = :pipelineId AND exited_at IS NULL
                          AND entered_at >= :from AND entered_at < :to
                          AND (:managerId = '' OR manager_id = :managerId)
                        ORDER BY entered_at, deal_id""")
                .param("generation", generation).param("pipelineId", filter.pipelineId())
                .param("from", filter.fromBound()).param("to", filter.toBound())
                .param("managerId", filter.managerOrAll())
                .query((row, n) -> stuck(filter.pipelineId(), row.getString("deal_id"), row.getInt("pipeline_version"),
                        row.getString("stage_id"), row.getString("manager_id"),
                        row.getTimestamp("entered_at").toInstant(), now))
                .list().stream().flatMap(Optional::stream).toList();
    }

    private Optional<StuckDealRow> stuck(String pipelineId, String dealId, int version, String stageId,
                                         String managerId, Instant enteredAt, Instant now) {
        Duration inStage = Duration.between(enteredAt, now);
        return catalog.sla(pipelineId, version, stageId)
                .filter(sla -> inStage.compareTo(sla) > 0)
                .map(sla -> new StuckDealRow(pipelineId, stageId, dealId, managerId, enteredAt,
                        inStage.toSeconds(), sla.toSeconds(), inStage.minus(sla).toSeconds(), version));
    }
}
