package io.dealflow.analytics.loss;

import io.dealflow.analytics.pipeline.ReportPipelines;
import io.dealflow.analytics.report.DaySplit;
import io.dealflow.analytics.report.ReportFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * R8 loss reasons by stage: deals lost inside [from, to), by the stage they were lost at and the reason, under the
 * manager who lost them. The share is within the stage ("of the deals that fail at the finance check, how many for
 * which reason"); the counts across stages show where the funnel leaks. Whole days of the period are read from the
 * day counts, its partial first and last days from the visits.
 */
@Component
public class LossReasonReport {

    private final JdbcClient jdbc;
    private final ReportPipelines catalog;

    public LossReasonReport(JdbcClient jdbc, ReportPipelines catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<LossReasonRow> run(int generation, ReportFilter filter) {
        DaySplit days = DaySplit.of(filter);
        List<LossReasonRow> rows = jdbc.sql("""
                        WITH lost AS (
                            SELECT pipeline_version, stage_id, reason_code AS loss_reason, lost FROM loss_day_counts
                            WHERE generation = :generation AND pipeline_id = :pipelineId
                              AND day >= :firstDay AND day < :endDay
                              AND (:managerId = '' OR manager_id = :managerId)
                            UNION ALL
                            SELECT pipeline_version, stage_id, loss_reason, 1 FROM visits
                            WHERE generation = :generation AND pipeline_id = :pipelineId AND exit_kind = 'LOST'
                              AND exited_at >= :headFrom AND exited_at < :headTo
                              AND (:managerId = '' OR manager_id = :managerId)
                            UNION ALL
                            SELECT pipeline_version, stage_id, loss_reason, 1 FROM visits
                            WHERE generation = :generation AND pipeline_id = :pipelineId AND exit_kind = 'LOST'
                              AND exited_at >= :tailFrom AND exited_at < :tailTo
                              AND (:managerId = '' OR manager_id = :managerId))
                        SELECT pipeline_version, stage_id, loss_reason, sum(lost) AS lost,
                               sum(lost)::float8 / (sum(sum(lost)) OVER (PARTITION BY pipeline_version, stage_id))::float8
                                   AS share
                        FROM lost
                        GROUP BY pipeline_version, stage_id, loss_reason
                        HAVING sum(lost) > 0""")
                .param("generation", generation).param("pipelineId", filter.pipelineId())
                .param("firstDay", days.firstDay()).param("endDay", days.endDay())
                .param("headFrom", days.headFrom()).param("headTo", days.headTo())
                .param("tailFrom", days.tailFrom()).param("tailTo", days.tailTo())
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
