package io.dealflow.analytics.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The tables of one generation, to empty it before a rebuild fills it and after it is replaced. */
@Component
public class ProjectionTables {

    private static final List<String> TABLES = List.of("deals", "visits", "stage_changes", "tasks", "task_facts",
            "stage_day_counts", "loss_day_counts", "quality_day_counts", "deal_open_tasks");
    private static final List<String> STATISTICS = List.of("deals", "visits", "stage_changes", "tasks", "task_facts",
            "stage_day_counts", "loss_day_counts", "quality_day_counts", "deal_open_tasks", "consumer_positions");

    private final JdbcClient jdbc;
    private final DayCounts dayCounts;

    public ProjectionTables(JdbcClient jdbc, DayCounts dayCounts) {
        this.jdbc = jdbc;
        this.dayCounts = dayCounts;
    }

    /**
     * Fresh statistics while a generation fills: every query filters on the generation (or the per-generation
     * consumer name), and a generation the statistics have not seen is estimated at one row, so the planner
     * scans all of its rows once per looked-up deal. Seen on the second rebuild of 50,000 deals: one load of a
     * batch's deals took over 12 s instead of milliseconds.
     */
    public void analyze() {
        dayCounts.compact();
        jdbc.sql("ANALYZE " + String.join(", ", STATISTICS)).update();
    }

    /** Folds the day counts' delta rows into one row per key (see {@link DayCounts#compact()}). */
    public void compactDayCounts() {
        dayCounts.compact();
    }

    /**
     * Fresh statistics after a generation was filled or dropped, for the reports (a generation the planner has
     * never seen looks empty: nested loops over millions) and the live consumers. The vacuum sets the visibility
     * map, without which the reports' covering indexes are read with a heap visit per row. Runs outside a
     * transaction, as VACUUM must. The day counts are folded first (both here and in {@link #analyze()}), so the
     * statistics describe the rows the reports will read, and a replay's delta rows never pile up.
     */
    public void vacuumAnalyze() {
        dayCounts.compact();
        jdbc.sql("VACUUM (ANALYZE) " + String.join(", ", STATISTICS)).update();
    }

    /** Drops every row of the generation and its consumers' positions, so replaying it starts from nothing. */
    @Transactional
    public void drop(int generation) {
        for (String table : TABLES) {
            jdbc.sql("DELETE FROM " + table + " WHERE generation = :generation")
                    .param("generation", generation).update();
        }
        jdbc.sql("DELETE FROM consumer_positions WHERE consumer_name IN (:names)")
                .param("names", List.of(DealProjector.consumerName(generation), TaskProjector.consumerName(generation)))
                .update();
    }
}
