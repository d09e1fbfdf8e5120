package io.dealflow.analytics.funnel;

import io.dealflow.analytics.pipeline.ReportPipelines;
import io.dealflow.api.pipeline.PipelineDefined;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.time.Instant;
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
 * <p>The visits covering {@code asOf} are counted in two disjoint parts, still open and ended after it, so that
 * each part is one index's range (visits_open_by_entry, visits_finished_by_exit): an OR of the two conditions
 * is planned as one bitmap scan that visits the heap page of every open visit.
 */
@Component
public class FunnelQuery {

    private final JdbcClient jdbc;
    private final ReportPipelines catalog;

    public FunnelQuery(JdbcClient jdbc, ReportPipelines catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    public List<FunnelRow> run(int generation, PipelineDefined latest, Instant asOf, String managerOrAll) {
        List<FunnelRow> counted = jdbc.sql("""
                        SELECT pipeline_version, stage_id, count(*) AS open
                        FROM (SELECT pipeline_version, stage_id FROM visits
                              WHERE generation = :generation AND pipeline_id = :pipelineId AND exited_at IS NULL
                                AND entered_at <= :asOf AND (:managerId = '' OR manager_id = :managerId)
                              UNION ALL
                              SELECT pipeline_version, stage_id FROM visits
                              WHERE generation = :generation AND pipeline_id = :pipelineId AND exited_at > :asOf
                                AND entered_at <= :asOf AND (:managerId = '' OR manager_id = :managerId)) AS covering
                        GROUP BY pipeline_version, stage_id""")
                .param("generation", generation).param("pipelineId", latest.pipelineId())
                .param("asOf", asOf.atOffset(ZoneOffset.UTC)).param("managerId", managerOrAll)
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
