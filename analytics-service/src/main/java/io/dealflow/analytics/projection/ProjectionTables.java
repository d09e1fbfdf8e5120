package io.dealflow.analytics.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;

/** The tables of one generation, to empty it before a rebuild fills it and after it is replaced. */
@Component
public class ProjectionTables {

    private static final List<String> TABLES = List.of("deals", "visits", "stage_changes", "tasks", "task_facts");

    private final JdbcClient jdbc;

    public ProjectionTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Fresh statistics after a generation was filled or dropped: the reports filter on the generation, and the
     * planner estimates its rows from these (a generation it has never seen looks empty: nested loops over
     * millions). The vacuum sets the visibility map, without which the reports' covering indexes are read with a
     * heap visit per row. Runs outside a transaction, as VACUUM must.
     */
    public void vacuumAnalyze() {
        jdbc.sql("VACUUM (ANALYZE) " + String.join(", ", TABLES)).update();
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
