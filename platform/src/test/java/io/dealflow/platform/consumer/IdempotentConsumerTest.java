package io.dealflow.platform.consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import javax.sql.DataSource;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdempotentConsumerTest {

    private static DataSource dataSource;
    private static JdbcTemplate jdbc;

    private IdempotentConsumer consumer;
    private String dealId;
    private ListAppender<ILoggingEvent> warnings;

    @BeforeAll
    static void migrateAFreshDatabase() {
        TestDatabase database = TestInfrastructure.newDatabase("platform_consumer");
        dataSource = new SimpleDriverDataSource(new Driver(), database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("CREATE TABLE stage_changes (deal_id text NOT NULL, sequence bigint NOT NULL)");
    }

    @BeforeEach
    void setUp() {
        consumer = new IdempotentConsumer(dataSource, new DataSourceTransactionManager(dataSource));
        dealId = "deal-" + UUID.randomUUID();
        warnings = new ListAppender<>();
        warnings.start();
        logger().addAppender(warnings);
    }

    @AfterEach
    void detachLogCapture() {
        logger().detachAppender(warnings);
    }

    @Test
    void theFirstEventOfAnAggregateIsApplied() {
        assertThat(apply("projection", 0)).isTrue();

        assertThat(projected()).containsExactly(0L);
        assertThat(position("projection")).isZero();
    }

    @Test
    void eventsInOrderAreEachAppliedOnce() {
        assertThat(apply("projection", 0)).isTrue();
        assertThat(apply("projection", 1)).isTrue();
        assertThat(apply("projection", 2)).isTrue();

        assertThat(projected()).containsExactly(0L, 1L, 2L);
        assertThat(position("projection")).isEqualTo(2);
        assertThat(warnings.list).isEmpty();
    }

    @Test
    void aRedeliveredEventIsSkipped() {
        apply("projection", 0);
        apply("projection", 1);

        assertThat(apply("projection", 1)).isFalse();

        assertThat(projected()).containsExactly(0L, 1L);
    }

    @Test
    void anOlderEventIsSkipped() {
        apply("projection", 0);
        apply("projection", 5);

        assertThat(apply("projection", 3)).isFalse();

        assertThat(projected()).containsExactly(0L, 5L);
        assertThat(position("projection")).isEqualTo(5);
    }

    @Test
    void anEventAfterAGapIsAppliedWithAWarningNamingBothSequences() {
        apply("projection", 0);

        assertThat(apply("projection", 3)).isTrue();

        assertThat(projected()).containsExactly(0L, 3L);
        assertThat(warnings.list).singleElement().satisfies(warning -> {
            assertThat(warning.getLevel()).isEqualTo(Level.WARN);
            assertThat(warning.getFormattedMessage()).contains(dealId, "last applied sequence 0", "now applying 3");
        });
    }

    @Test
    void aChangeThatFailsLeavesNeitherItsWritesNorAMovedPosition() {
        apply("projection", 0);

        assertThatThrownBy(() -> consumer.applyIfNewer("projection", dealId, 1, () -> {
            jdbc.update("INSERT INTO stage_changes (deal_id, sequence) VALUES (?, ?)", dealId, 1L);
            throw new IllegalStateException("projection failed");
        })).isInstanceOf(IllegalStateException.class).hasMessage("projection failed");

        assertThat(projected()).containsExactly(0L);
        assertThat(position("projection")).isZero();
    }

    @Test
    void theRedeliveryOfAFailedEventIsApplied() {
        assertThatThrownBy(() -> consumer.applyIfNewer("projection", dealId, 0, () -> {
            throw new IllegalStateException("projection failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(apply("projection", 0)).isTrue();

        assertThat(projected()).containsExactly(0L);
    }

    @Test
    void eachConsumerKeepsItsOwnPositionPerAggregate() {
        apply("projection", 0);
        apply("projection", 1);

        assertThat(apply("reactor", 0)).isTrue();
        String otherDeal = "deal-" + UUID.randomUUID();
        assertThat(consumer.applyIfNewer("projection", otherDeal, 0, () -> { })).isTrue();

        assertThat(position("projection")).isEqualTo(1);
        assertThat(position("reactor")).isZero();
    }

    @Test
    void aBatchAppliesOnlyWhatIsNewerThanThePositionAndTheEarlierEventsOfTheBatch() {
        apply("projection", 0);
        apply("projection", 1);
        String otherDeal = "deal-" + UUID.randomUUID();

        List<Event> applied = applyBatch("projection", List.of(new Event(dealId, 1), new Event(otherDeal, 0),
                new Event(dealId, 2), new Event(dealId, 2), new Event(otherDeal, 1), new Event(dealId, 1),
                new Event(dealId, 3), new Event(otherDeal, 0)));

        assertThat(applied).containsExactly(new Event(otherDeal, 0), new Event(dealId, 2), new Event(otherDeal, 1),
                new Event(dealId, 3));
        assertThat(projected()).containsExactly(0L, 1L, 2L, 3L);
        assertThat(position("projection")).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT last_sequence FROM consumer_positions WHERE consumer_name = ?"
                + " AND aggregate_id = ?", Long.class, "projection", otherDeal)).isEqualTo(1);
        assertThat(warnings.list).isEmpty();
    }

    @Test
    void aBatchOfRedeliveriesChangesNothing() {
        apply("projection", 0);
        apply("projection", 1);

        assertThat(applyBatch("projection", List.of(new Event(dealId, 0), new Event(dealId, 1)))).isEmpty();

        assertThat(projected()).containsExactly(0L, 1L);
        assertThat(position("projection")).isEqualTo(1);
    }

    @Test
    void aFailingBatchLeavesNeitherItsWritesNorMovedPositions() {
        apply("projection", 0);
        String otherDeal = "deal-" + UUID.randomUUID();

        assertThatThrownBy(() -> consumer.applyNewer("projection",
                List.of(new Event(dealId, 1), new Event(otherDeal, 0)), Event::aggregateId, Event::sequence,
                fresh -> {
                    fresh.forEach(event -> jdbc.update("INSERT INTO stage_changes (deal_id, sequence) VALUES (?, ?)",
                            event.aggregateId(), event.sequence()));
                    throw new IllegalStateException("projection failed");
                })).isInstanceOf(IllegalStateException.class).hasMessage("projection failed");

        assertThat(projected()).containsExactly(0L);
        assertThat(position("projection")).isZero();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM consumer_positions WHERE aggregate_id = ?",
                Long.class, otherDeal)).isZero();
        assertThat(applyBatch("projection", List.of(new Event(dealId, 1), new Event(otherDeal, 0)))).hasSize(2);
        assertThat(projected()).containsExactly(0L, 1L);
    }

    @Test
    void aGapInABatchIsAppliedWithAWarning() {
        applyBatch("projection", List.of(new Event(dealId, 0), new Event(dealId, 2)));

        assertThat(projected()).containsExactly(0L, 2L);
        assertThat(warnings.list).singleElement().satisfies(warning ->
                assertThat(warning.getFormattedMessage()).contains(dealId, "last applied sequence 0", "now applying 2"));
    }

    @Test
    void batchesAndSingleEventsShareThePositions() {
        applyBatch("projection", List.of(new Event(dealId, 0), new Event(dealId, 1)));

        assertThat(apply("projection", 1)).isFalse();
        assertThat(apply("projection", 2)).isTrue();
        assertThat(applyBatch("projection", List.of(new Event(dealId, 2), new Event(dealId, 3))))
                .containsExactly(new Event(dealId, 3));
        assertThat(projected()).containsExactly(0L, 1L, 2L, 3L);
    }

    private List<Event> applyBatch(String consumerName, List<Event> events) {
        return consumer.applyNewer(consumerName, events, Event::aggregateId, Event::sequence, fresh -> fresh.forEach(
                event -> jdbc.update("INSERT INTO stage_changes (deal_id, sequence) VALUES (?, ?)",
                        event.aggregateId(), event.sequence())));
    }

    record Event(String aggregateId, long sequence) {
    }

    private boolean apply(String consumerName, long sequence) {
        return consumer.applyIfNewer(consumerName, dealId, sequence, () ->
                jdbc.update("INSERT INTO stage_changes (deal_id, sequence) VALUES (?, ?)", dealId, sequence));
    }

    private List<Long> projected() {
        return jdbc.queryForList("SELECT sequence FROM stage_changes WHERE deal_id = ? ORDER BY sequence",
                Long.class, dealId);
    }

    private long position(String consumerName) {
        Long position = jdbc.queryForObject(
                "SELECT last_sequence FROM consumer_positions WHERE consumer_name = ? AND aggregate_id = ?",
                Long.class, consumerName, dealId);
        return position == null ? -1 : position;
    }

    private static Logger logger() {
        return (Logger) LoggerFactory.getLogger(IdempotentConsumer.class);
    }
}
