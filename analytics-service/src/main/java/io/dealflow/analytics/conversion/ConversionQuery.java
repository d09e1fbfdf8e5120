package io.dealflow.analytics.conversion;

import io.dealflow.analytics.pipeline.ReportPipelines;
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
 */
@Component
public class ConversionQuery {

    private final JdbcClient jdbc;
    private final ReportPipelines catalog;

    public ConversionQuery(JdbcClient jdbc, ReportPipelines catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<ConversionRow> run(int generation, ReportFilter filter) {
        List<ConversionRow> rows = jdbc.sql("""
                        WITH per_deal AS (
                            SELECT deal_id, pipeline_version, stage_id,
                                   (array_agg(manager_id ORDER BY visit_no DESC))[1] AS manager_id,
                                   bool_or(exit_kind IN ('FORWARD', 'WON')) AS advanced,
                                   bool_or(exit_kind = 'LOST') AS lost,
                                   (array_agg(exited_at IS NULL ORDER BY visit_no DESC))[1] AS still_there
                            FROM visits
                            WHERE generation = :generation AND pipeline_id = :pipelineId
                              AND entered_at >= :from AND entered_at < :to
                            GROUP BY deal_id, pipeline_version, stage_id)
                        SELECT manager_id, pipeline_version, stage_id, count(*) AS entered,
                               count(*) FILTER (WHERE advanced) AS advanced,
                               count(*) FILTER (WHERE lost) AS lost,
                               count(*) FILTER (WHERE still_there) AS still_there
                        FROM per_deal
                        WHERE :managerId = '' OR manager_id = :managerId
                        GROUP BY manager_id, pipeline_version, stage_id""")
                .param("generation", generation).param("pipelineId", filter.pipelineId())
                .param("from", filter.fromBound()).param("to", filter.toBound())
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
