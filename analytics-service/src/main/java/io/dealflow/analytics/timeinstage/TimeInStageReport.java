package io.dealflow.analytics.timeinstage;

import io.dealflow.analytics.pipeline.ReportPipelines;
import io.dealflow.analytics.report.ReportFilter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.Comparator;
import java.util.List;

/**
 * R8/R9 time in stage (DESIGN §4): finished visits that ended inside [from, to), catch-up visits left out of the
 * statistics and counted apart; median and p90 interpolate linearly ({@code percentile_cont}). A visit belongs to
 * the manager it ended under. Rows are per stage and the version the deal entered it under. Seconds are exact
 * (numeric) and the statistics rounded to milliseconds, so equal histories give equal figures, bit for bit.
 */
@Component
public class TimeInStageReport {

    private final JdbcClient jdbc;
    private final ReportPipelines catalog;

    public TimeInStageReport(JdbcClient jdbc, ReportPipelines catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<TimeInStageRow> run(int generation, ReportFilter filter) {
        List<TimeInStageRow> rows = jdbc.sql("""
                        WITH finished AS (
                            SELECT pipeline_version, stage_id, catch_up,
                                   EXTRACT(EPOCH FROM exited_at - entered_at) AS seconds
                            FROM visits
                            WHERE generation = :generation AND pipeline_id = :pipelineId
                              AND exited_at IS NOT NULL AND exited_at >= :from AND exited_at < :to
                              AND (:managerId = '' OR manager_id = :managerId))
                        SELECT pipeline_version, stage_id,
                               count(*) FILTER (WHERE NOT catch_up) AS visits,
                               round(avg(seconds) FILTER (WHERE NOT catch_up), 3)::float8 AS avg_seconds,
                               round((percentile_cont(0.5) WITHIN GROUP (ORDER BY seconds)
                                   FILTER (WHERE NOT catch_up))::numeric, 3)::float8 AS median_seconds,
                               round((percentile_cont(0.9) WITHIN GROUP (ORDER BY seconds)
                                   FILTER (WHERE NOT catch_up))::numeric, 3)::float8 AS p90_seconds,
                               max(seconds) FILTER (WHERE NOT catch_up)::float8 AS max_seconds,
                               count(*) FILTER (WHERE catch_up) AS catch_up_visits
                        FROM finished
                        GROUP BY pipeline_version, stage_id""")
                .param("generation", generation).param("pipelineId", filter.pipelineId())
                .param("from", filter.fromBound()).param("to", filter.toBound())
                .param("managerId", filter.managerOrAll())
                .query((row, n) -> new TimeInStageRow(filter.pipelineId(), row.getString("stage_id"),
                        row.getLong("visits"), (Double) row.getObject("avg_seconds"),
                        (Double) row.getObject("median_seconds"), (Double) row.getObject("p90_seconds"),
                        (Double) row.getObject("max_seconds"), row.getLong("catch_up_visits"),
                        row.getInt("pipeline_version")))
                .list();
        return rows.stream().sorted(Comparator.comparingInt(TimeInStageRow::pipelineVersion)
                        .thenComparingInt(row -> catalog.stageIndex(row.pipelineId(), row.pipelineVersion(),
                                row.stageId())))
                .toList();
    }
}
