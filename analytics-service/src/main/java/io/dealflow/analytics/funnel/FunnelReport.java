package io.dealflow.analytics.funnel;

import io.dealflow.analytics.pipeline.ReportPipelines;
import io.dealflow.analytics.report.DaySplit;
import io.dealflow.api.pipeline.PipelineDefined;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * R8 funnel: open deals per stage at an instant, now or in the past. A deal is in a stage at {@code asOf} when a
 * visit there covers it ([entered, exited)); a won or lost deal's last visit ended when it closed. Every stage of
 * the newest version is listed (zero included); stages of older versions appear while deals are in them.
 * With a manager, the visits are that manager's (the manager a visit ended under, or the current one).
 *
 * <p>The visits covering {@code asOf} are those that started by then less those that ended by then (a visit ends
 * after it starts): the day counts give both for the whole days before {@code asOf}'s day, the visits themselves for
 * that day up to {@code asOf}, so the count reads about one row per (stage, manager, day) and one day of visits.
 */
@Component
public class FunnelReport {

    private final JdbcClient jdbc;
    private final ReportPipelines catalog;

    public FunnelReport(JdbcClient jdbc, ReportPipelines catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<FunnelRow> run(int generation, PipelineDefined latest, Instant asOf, String managerOrAll) {
        OffsetDateTime at = asOf.atOffset(ZoneOffset.UTC);
        List<FunnelRow> counted = jdbc.sql("""
                        SELECT pipeline_version, stage_id, sum(n) AS open
                        FROM (SELECT pipeline_version, stage_id, entered - exited AS n FROM stage_day_counts
                              WHERE generation = :generation AND pipeline_id = :pipelineId AND day < :day
                                AND (:managerId = '' OR manager_id = :managerId)
                              UNION ALL
                              SELECT pipeline_version, stage_id, 1 FROM visits
                              WHERE generation = :generation AND pipeline_id = :pipelineId
                                AND entered_at >= :dayStart AND entered_at <= :asOf
                                AND (:managerId = '' OR manager_id = :managerId)
                              UNION ALL
                              SELECT pipeline_version, stage_id, -1 FROM visits
                              WHERE generation = :generation AND pipeline_id = :pipelineId
                                AND exited_at >= :dayStart AND exited_at <= :asOf
                                AND (:managerId = '' OR manager_id = :managerId)) AS covering
                        GROUP BY pipeline_version, stage_id
                        HAVING sum(n) <> 0""")
                .param("generation", generation).param("pipelineId", latest.pipelineId())
                .param("day", at.toLocalDate()).param("dayStart", DaySplit.startOf(at.toLocalDate()))
                .param("asOf", at).param("managerId", managerOrAll)
                .query((row, n) -> new FunnelRow(latest.pipelineId(), row.getString("stage_id"),
                        row.getLong("open"), row.getInt("pipeline_version")))
                .list();
        List<FunnelRow> rows = new ArrayList<>(counted);
        latest.stages().forEach(stage -> {
            boolean present = counted.stream().anyMatch(row -> row.pipelineVersion() == latest.version()
                    && row.stageId().equals(stage.id()));
            if (!present) {
                rows.add(new FunnelRow(latest.pipelineId(), stage.id(), 0, latest.version()));
            }
        });
        return rows.stream().sorted(Comparator.comparingInt(FunnelRow::pipelineVersion)
                        .thenComparingInt(row -> catalog.stageIndex(row.pipelineId(), row.pipelineVersion(),
                                row.stageId())))
                .toList();
    }
}
