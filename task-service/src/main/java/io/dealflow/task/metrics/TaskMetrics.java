package io.dealflow.task.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Open and overdue tasks per pipeline, refreshed from the database so that every instance reports the same truth.
 * Tagged by pipeline only: never by deal or task id.
 */
@Component
class TaskMetrics {

    private final JdbcClient jdbc;
    private final MultiGauge open;
    private final MultiGauge overdue;

    TaskMetrics(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.open = MultiGauge.builder("dealflow.tasks.open").description("Open tasks by pipeline").register(meters);
        this.overdue = MultiGauge.builder("dealflow.tasks.overdue")
                .description("Open tasks past their due time, by pipeline").register(meters);
    }

    @Scheduled(fixedDelayString = "${dealflow.tasks.metrics-interval:PT15S}", initialDelay = 0)
    void refresh() {
        List<PipelineCounts> counts = jdbc.sql("""
                        SELECT pipeline_id, count(*) AS open, count(*) FILTER (WHERE overdue_at IS NOT NULL) AS overdue
                        FROM tasks WHERE status = 'OPEN' GROUP BY pipeline_id""")
                .query((row, index) -> new PipelineCounts(row.getString("pipeline_id"), row.getLong("open"),
                        row.getLong("overdue")))
                .list();
        open.register(counts.stream().map(c -> MultiGauge.Row.of(Tags.of("pipeline", c.pipelineId()), c.open()))
                .toList(), true);
        overdue.register(counts.stream().map(c -> MultiGauge.Row.of(Tags.of("pipeline", c.pipelineId()),
                c.overdue())).toList(), true);
    }

    private record PipelineCounts(String pipelineId, long open, long overdue) {
    }
}
