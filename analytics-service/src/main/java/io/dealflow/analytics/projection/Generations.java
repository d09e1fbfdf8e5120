package io.dealflow.analytics.projection;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which generation of the projections the reports read and the live consumers feed. A rebuild fills the next
 * generation beside the active one and then switches this pointer, so the old answers are served until then.
 */
@Component
public class Generations {

    private final JdbcClient jdbc;
    private volatile Integer active;

    public Generations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public int active() {
        Integer current = active;
        if (current == null) {
            current = jdbc.sql("SELECT active_generation FROM projection_state").query(Integer.class).single();
            active = current;
        }
        return current;
    }

    /** Makes {@code generation} the one every report reads; the caller has filled it completely. */
    public void activate(int generation) {
        jdbc.sql("UPDATE projection_state SET active_generation = :generation")
                .param("generation", generation).update();
        active = generation;
    }
}
