package io.dealflow.platform.web.idempotency;

import io.dealflow.platform.testing.MutableClock;
import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import io.dealflow.platform.web.PlatformHttpProperties;
import io.dealflow.platform.web.idempotency.ClaimOutcome.Claimed;
import io.dealflow.platform.web.idempotency.ClaimOutcome.InFlight;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Two instances of a service on one database (the test PostgreSQL, platform's own migrations): when may the second
 * take over a key the first holds in flight?
 */
class IdempotencyKeyOwnerTest {

    private static final Duration IN_FLIGHT_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration HEARTBEAT = Duration.ofSeconds(2);
    private static final Duration OWNER_TIMEOUT = Duration.ofSeconds(20);
    private static final PlatformHttpProperties.Idempotency SETTINGS = new PlatformHttpProperties.Idempotency(true,
            IN_FLIGHT_TIMEOUT, HEARTBEAT, OWNER_TIMEOUT, Duration.ofHours(24), Duration.ofMinutes(10));

    /** Only the instances' sense of their own steady heartbeat runs on it; the database keeps its own time. */
    private final MutableClock clock = new MutableClock();
    private JdbcTemplate jdbc;
    private IdempotencyKeyStore first;
    private IdempotencyKeyStore second;

    @BeforeEach
    void twoInstances() {
        TestDatabase database = TestInfrastructure.newDatabase("platform_idempotency_owner");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        first = new IdempotencyKeyStore(dataSource, SETTINGS, clock);
        second = new IdempotencyKeyStore(dataSource, SETTINGS, clock);
        beatSteadily();
    }

    @Test
    void aKeyInFlightOnALiveInstanceStaysItsOwn() {
        Claimed claim = (Claimed) first.claim("k", "f");

        assertThat(second.claim("k", "f")).isInstanceOf(InFlight.class);

        first.complete(claim, new StoredResponse(201, Map.of(), new byte[0]));
        assertThat(second.claim("k", "f")).isInstanceOf(ClaimOutcome.Completed.class);
    }

    @Test
    void aKeyInFlightOnAnInstanceSilentForTheOwnerTimeoutIsTakenOverAtOnce() {
        Claimed dead = (Claimed) first.claim("k", "f");
        silence(first, OWNER_TIMEOUT.plusSeconds(1));

        ClaimOutcome retry = second.claim("k", "f");

        assertThat(retry).isInstanceOf(Claimed.class);
        first.complete(dead, new StoredResponse(201, Map.of(), new byte[0]));
        assertThat(jdbc.queryForObject("SELECT completed_at IS NULL FROM idempotency_keys WHERE key = 'k'",
                Boolean.class)).as("the silent instance's late answer does not overwrite the retry's claim").isTrue();
    }

    @Test
    void anInstanceNotItselfBeatingSteadilyForTheOwnerTimeoutDoesNotJudgeAnothersSilence() {
        first.claim("k", "f");
        silence(first, OWNER_TIMEOUT.plusSeconds(1));
        clock.advance(HEARTBEAT.multipliedBy(3));

        assertThat(second.claim("k", "f")).as("its own heartbeat is overdue: the database was out of its reach too")
                .isInstanceOf(InFlight.class);

        second.heartbeat();
        assertThat(second.claim("k", "f")).as("beating again, but not yet for the owner timeout")
                .isInstanceOf(InFlight.class);
    }

    @Test
    void aShorterSilenceIsNotTakenForDeath() {
        first.claim("k", "f");
        silence(first, OWNER_TIMEOUT.minusSeconds(5));

        assertThat(second.claim("k", "f")).isInstanceOf(InFlight.class);
    }

    @Test
    void aHeartbeatMakesAnInstanceLiveAgain() {
        first.claim("k", "f");
        silence(first, OWNER_TIMEOUT.plusSeconds(1));
        first.heartbeat();

        assertThat(second.claim("k", "f")).isInstanceOf(InFlight.class);
    }

    @Test
    void aKeyWhoseInstanceLeftNoHeartbeatWaitsForTheInFlightTimeout() {
        jdbc.update("INSERT INTO idempotency_keys (key, fingerprint, created_at) VALUES ('old', 'f', clock_timestamp())");
        first.claim("gone", "f");
        jdbc.update("DELETE FROM idempotency_owners");

        assertThat(second.claim("old", "f")).as("claimed before owners were recorded").isInstanceOf(InFlight.class);
        assertThat(second.claim("gone", "f")).as("owner row gone: no silence seen").isInstanceOf(InFlight.class);

        jdbc.update("UPDATE idempotency_keys SET created_at = created_at - interval '6 minutes'");
        assertThat(second.claim("old", "f")).isInstanceOf(Claimed.class);
        assertThat(second.claim("gone", "f")).isInstanceOf(Claimed.class);
    }

    @Test
    void aHeartbeatForgetsInstancesSilentForLongerThanTheInFlightTimeout() {
        silence(first, IN_FLIGHT_TIMEOUT.plusSeconds(1));
        silence(second, OWNER_TIMEOUT.plusSeconds(1));

        second.heartbeat();

        assertThat(jdbc.queryForObject("SELECT count(*) FROM idempotency_owners", Integer.class)).isOne();
    }

    @Test
    void anOwnerTimeoutShorterThanThreeHeartbeatsIsRefused() {
        assertThatThrownBy(() -> new PlatformHttpProperties.Idempotency(true, Duration.ofMinutes(5),
                Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofHours(24), Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("owner-timeout");
    }

    /** Both instances beat on time, as their heartbeat tasks do, for the owner timeout. */
    private void beatSteadily() {
        Duration beaten = Duration.ZERO;
        while (beaten.compareTo(OWNER_TIMEOUT) <= 0) {
            first.heartbeat();
            second.heartbeat();
            clock.advance(HEARTBEAT);
            beaten = beaten.plus(HEARTBEAT);
        }
        first.heartbeat();
        second.heartbeat();
    }

    /** As if {@code instance} had not beaten for {@code silence} by the database's clock. */
    private void silence(IdempotencyKeyStore instance, Duration silence) {
        jdbc.update("""
                        UPDATE idempotency_owners SET seen_at = clock_timestamp() - make_interval(secs => ?)
                        WHERE instance_id = ?""",
                (double) silence.toSeconds(), instance.instanceId());
    }
}
