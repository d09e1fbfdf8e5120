package io.dealflow.analytics.loss;

import io.dealflow.analytics.pipeline.ReportPipelines;
import io.dealflow.analytics.report.ReportFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * R8 loss reasons by stage: deals lost inside [from, to), by the stage they were lost at and the reason, under the
 * manager who lost them. The share is within the stage ("of the deals that fail at the finance check, how many for
 * which reason"); the counts across stages show where the funnel leaks.
 */
@Component
public class LossReasonQuery {

    private final JdbcClient jdbc;
    private final ReportPipelines catalog;

    public LossReasonQuery(JdbcClient jdbc, ReportPipelines catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<LossReasonRow> run(int generation, ReportFilter filter) {
        List<LossReasonRow> rows = jdbc.sql("""
                        SELECT pipeline_version, stage_id, loss_reason, count(*) AS lost,
                               count(*)::float8 / sum(count(*)) OVER (PARTITION BY pipeline_version, stage_id)
                                   AS share
                        FROM visits
                        WHERE generation = :generation AND pipeline_id = :pipelineId AND exit_kind = 'LOST'
                          AND exited_at >= :from AND exited_at < :to
                          AND (:managerId = '' OR manager_id = :managerId)
                        GROUP BY pipeline_version, stage_id, loss_reason""")
                .param("generation", generation).param("pipelineId", filter.pipelineId())
                .param("from", filter.fromBound()).param("to", filter.toBound())
                .param("managerId", filter.managerOrAll())
                .query((row, n) -> new LossReasonRow(filter.pipelineId(), row.getString("stage_id"),
                        row.getString("loss_reason"), row.getLong("lost"), row.getDouble("share"),
                        row.getInt("pipeline_version")))
                .list();
        return rows.stream().sorted(Comparator.comparingInt(LossReasonRow::pipelineVersion)
                        .thenComparingInt(row -> catalog.stageIndex(row.pipelineId(), row.pipelineVersion(),
                                row.stageId()))
                        .thenComparing(Comparator.comparingLong(LossReasonRow::count).reversed())
                        .thenComparing(LossReasonRow::reasonCode))
                .toList();
    }
}
