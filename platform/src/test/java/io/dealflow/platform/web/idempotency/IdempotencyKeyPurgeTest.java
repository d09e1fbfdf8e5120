package io.dealflow.platform.web.idempotency;

import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import io.dealflow.platform.web.PlatformHttpProperties;
import io.dealflow.platform.web.idempotency.ClaimOutcome.Claimed;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** On the test PostgreSQL, with platform's own migrations. */
class IdempotencyKeyPurgeTest {

    @Test
    void keysPastTheirRetentionAreDeletedFinishedOrNotAndYoungerOnesStay() {
        TestDatabase database = TestInfrastructure.newDatabase("platform_idempotency_purge");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        IdempotencyKeyStore keys = new IdempotencyKeyStore(dataSource, new PlatformHttpProperties.Idempotency(true,
                Duration.ofMinutes(5), Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofHours(24),
                Duration.ofMinutes(10)), Clock.systemUTC());
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);

        keys.complete((Claimed) keys.claim("old-finished", "f"), new StoredResponse(201, Map.of(), new byte[0]));
        keys.claim("old-abandoned", "f");
        keys.complete((Claimed) keys.claim("young", "f"), new StoredResponse(201, Map.of(), new byte[0]));
        jdbc.update("UPDATE idempotency_keys SET created_at = created_at - interval '25 hours'"
                + " WHERE key IN ('old-finished', 'old-abandoned')");

        assertThat(keys.purgeOlderThan(Duration.ofHours(24))).isEqualTo(2);

        assertThat(jdbc.queryForList("SELECT key FROM idempotency_keys", String.class)).isEqualTo(List.of("young"));
        assertThat(keys.claim("old-finished", "f")).as("the same key runs anew").isInstanceOf(Claimed.class);
    }

    @Test
    void aRetentionNoLongerThanTheInFlightTimeoutIsRefused() {
        assertThatThrownBy(() -> new PlatformHttpProperties.Idempotency(true, Duration.ofMinutes(5),
                Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofMinutes(5), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("retention");
    }
}
