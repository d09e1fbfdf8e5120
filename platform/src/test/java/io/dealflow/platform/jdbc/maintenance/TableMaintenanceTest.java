package io.dealflow.platform.jdbc.maintenance;

import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** On the test PostgreSQL, whose autovacuum may be off (this machine's is) or on (a container's). */
class TableMaintenanceTest {

    @Test
    void aTableChangedPastAutovacuumsThresholdIsAnalysedWhenAutovacuumIsOffAndLeftAloneOtherwise() {
        TestDatabase database = TestInfrastructure.newDatabase("platform_maintenance");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE things (id bigint PRIMARY KEY, name text)");
        jdbc.update("INSERT INTO things SELECT n, 'thing ' || n FROM generate_series(1, 1000) AS n");
        TableMaintenance maintenance = new TableMaintenance(dataSource, Duration.ofMinutes(1));
        boolean autovacuumOff = "off".equals(jdbc.queryForObject("SHOW autovacuum", String.class));

        if (!autovacuumOff) {
            assertThat(maintenance.maintain()).isEmpty();
            return;
        }
        // the statistics collector reports a transaction's changes shortly after it ends
        List<String> done = await().atMost(Duration.ofSeconds(10))
                .until(maintenance::maintain, commands -> !commands.isEmpty());
        assertThat(done).containsExactly("ANALYZE public.things");
        assertThat(jdbc.queryForObject("SELECT last_analyze IS NOT NULL FROM pg_stat_user_tables"
                + " WHERE relname = 'things'", Boolean.class)).isTrue();

        jdbc.update("DELETE FROM things WHERE id <= 600");
        List<String> vacuumed = await().atMost(Duration.ofSeconds(10))
                .until(maintenance::maintain, commands -> !commands.isEmpty());
        assertThat(vacuumed).containsExactly("VACUUM (ANALYZE, SKIP_LOCKED) public.things");
        assertThat(maintenance.maintain()).as("nothing is due right after").isEmpty();
    }
}
