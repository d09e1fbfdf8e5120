package io.dealflow.analytics.conversion;

import io.dealflow.analytics.pipeline.ReportPipelines;
import io.dealflow.analytics.report.DaySplit;
import io.dealflow.analytics.report.ReportFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * R8 conversion per manager and stage (DESIGN §4). Visits that started inside [from, to) count; a deal counts
 * once per stage however often it re-entered after a backward move, under the manager of its last visit there.
 * A deal handed to the next department ends here as won, so the originating manager has the credit in this
 * pipeline; the receiving pipeline's deal is a deal of its own manager there.
 *
 * <p>A deal with one visit to a stage is counted from the day counts (whole days of the period) and the visits of the
 * period's partial first and last days; the few deals that re-entered a stage (their visits there are
 * {@code shared}) are grouped per deal from their visits. Over 1,000,000 deals this reads about one row per
 * (manager, stage, day) instead of every visit ({@code docs/analytics.md}, "Day counts").
 */
@Component
public class ConversionReport {

    private final JdbcClient jdbc;
    private final ReportPipelines catalog;

    public ConversionReport(JdbcClient jdbc, ReportPipelines catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<ConversionRow> run(int generation, ReportFilter filter) {
        DaySplit days = DaySplit.of(filter);
        List<ConversionRow> rows = jdbc.sql("""
                        WITH shared_per_deal AS (
                            SELECT deal_id, pipeline_version, stage_id,
                                   (array_agg(manager_id ORDER BY visit_no DESC))[1] AS manager_id,
                                   bool_or(exit_kind IN ('FORWARD', 'WON')) AS advanced,
                                   bool_or(exit_kind = 'LOST') AS lost,
                                   (array_agg(exited_at IS NULL ORDER BY visit_no DESC))[1] AS still_there
                            FROM visits
                            WHERE generation = :generation AND pipeline_id = :pipelineId AND shared
                              AND entered_at >= :from AND entered_at < :to
                            GROUP BY deal_id, pipeline_version, stage_id),
                        counted AS (
                            SELECT manager_id, pipeline_version, stage_id, conversion_entered AS entered,
                                   conversion_advanced AS advanced, conversion_lost AS lost,
                                   conversion_still_there AS still_there
                            FROM stage_day_counts
                            WHERE generation = :generation AND pipeline_id = :pipelineId
                              AND day >= :firstDay AND day < :endDay
                            UNION ALL
                            SELECT manager_id, pipeline_version, stage_id, 1,
                                   CASE WHEN exit_kind IN ('FORWARD', 'WON') THEN 1 ELSE 0 END,
                                   CASE WHEN exit_kind = 'LOST' THEN 1 ELSE 0 END,
                                   CASE WHEN exited_at IS NULL THEN 1 ELSE 0 END
                            FROM visits
                            WHERE generation = :generation AND pipeline_id = :pipelineId AND NOT shared
                              AND entered_at >= :headFrom AND entered_at < :headTo
                            UNION ALL
                            SELECT manager_id, pipeline_version, stage_id, 1,
                                   CASE WHEN exit_kind IN ('FORWARD', 'WON') THEN 1 ELSE 0 END,
                                   CASE WHEN exit_kind = 'LOST' THEN 1 ELSE 0 END,
                                   CASE WHEN exited_at IS NULL THEN 1 ELSE 0 END
                            FROM visits
                            WHERE generation = :generation AND pipeline_id = :pipelineId AND NOT shared
                              AND entered_at >= :tailFrom AND entered_at < :tailTo
                            UNION ALL
                            SELECT manager_id, pipeline_version, stage_id, 1,
                                   CASE WHEN advanced THEN 1 ELSE 0 END, CASE WHEN lost THEN 1 ELSE 0 END,
                                   CASE WHEN still_there THEN 1 ELSE 0 END
                            FROM shared_per_deal)
                        SELECT manager_id, pipeline_version, stage_id, sum(entered) AS entered,
                               sum(advanced) AS advanced, sum(lost) AS lost, sum(still_there) AS still_there
                        FROM counted
                        WHERE :managerId = '' OR manager_id = :managerId
                        GROUP BY manager_id, pipeline_version, stage_id
                        HAVING sum(entered) > 0""")
                .param("generation", generation).param("pipelineId", filter.pipelineId())
                .param("from", filter.fromBound()).param("to", filter.toBound())
                .param("firstDay", days.firstDay()).param("endDay", days.endDay())
                .param("headFrom", days.headFrom()).param("headTo", days.headTo())
                .param("tailFrom", days.tailFrom()).param("tailTo", days.tailTo())
                .param("managerId", filter.managerOrAll())
                .query((row, n) -> {
                    long entered = row.getLong("entered");
                    long advanced = row.getLong("advanced");
                    return new ConversionRow(filter.pipelineId(), row.getString("manager_id"),
                            row.getString("stage_id"), entered, advanced, row.getLong("lost"),
                            entered == 0 ? 0 : (double) advanced / entered, row.getLong("still_there"),
                            row.getInt("pipeline_version"));
                })
                .list();
        return rows.stream().sorted(Comparator.comparing(ConversionRow::managerId)
                        .thenComparingInt(ConversionRow::pipelineVersion)
                        .thenComparingInt(row -> catalog.stageIndex(row.pipelineId(), row.pipelineVersion(),
                                row.stageId())))
                .toList();
    }
}
