package io.dealflow.platform.outbox;

import io.dealflow.platform.kafka.OutgoingEvent;
import io.dealflow.platform.testing.TestDatabase;
import io.dealflow.platform.testing.TestInfrastructure;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.Driver;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The outbox table's SQL on a real PostgreSQL database, without a relay running. */
class OutboxStoreTest {

    private static DataSource dataSource;
    private static JdbcTemplate jdbc;

    private OutboxStore store;

    @BeforeAll
    static void migrateAFreshDatabase() {
        TestDatabase database = TestInfrastructure.newDatabase("platform_outbox_store");
        dataSource = new SimpleDriverDataSource(new Driver(), database.jdbcUrl(), database.username(),
                database.password());
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
    }

    @BeforeEach
    void emptyOutbox() {
        jdbc.update("DELETE FROM outbox_events");
        store = new OutboxStore(dataSource);
    }

    @Test
    void aStoredEventComesBackAsItWasAppended() {
        OutgoingEvent event = OutboxEvents.taskCreated(OutboxEvents.newTopic(), OutboxEvents.newTaskId());
        append(event);

        List<OutboxStore.StoredEvent> next = store.nextUnpublished(10);

        assertThat(next).singleElement().satisfies(stored -> assertThat(stored.event())
                .usingRecursiveComparison().isEqualTo(event));
    }

    @Test
    void onlyPublishedEventsOlderThanTheRetentionAreDeleted() {
        String topic = OutboxEvents.newTopic();
        OutgoingEvent expired = append(OutboxEvents.taskCreated(topic, "a"));
        OutgoingEvent recentlyPublished = append(OutboxEvents.taskCreated(topic, "b"));
        OutgoingEvent longUnpublished = append(OutboxEvents.taskCreated(topic, "c"));
        setPublishedAt(expired, "clock_timestamp() - interval '8 days'");
        setPublishedAt(recentlyPublished, "clock_timestamp() - interval '6 days'");
        jdbc.update("UPDATE outbox_events SET created_at = clock_timestamp() - interval '30 days' WHERE event_id = ?",
                longUnpublished.id());

        assertThat(store.deletePublishedOlderThan(Duration.ofDays(7))).isOne();

        assertThat(jdbc.queryForList("SELECT event_id FROM outbox_events ORDER BY id", String.class))
                .containsExactly(recentlyPublished.id(), longUnpublished.id());
    }

    @Test
    void theBacklogCountsOnlyUnpublishedEventsAndAgesFromTheOldest() {
        assertThat(store.backlog()).isZero();
        assertThat(store.oldestUnpublishedAgeSeconds()).isZero();
        String topic = OutboxEvents.newTopic();
        OutgoingEvent published = append(OutboxEvents.taskCreated(topic, "a"));
        OutgoingEvent oldest = append(OutboxEvents.taskCreated(topic, "a"));
        append(OutboxEvents.taskCreated(topic, "a"));
        setPublishedAt(published, "clock_timestamp()");
        jdbc.update("UPDATE outbox_events SET created_at = clock_timestamp() - interval '90 seconds' "
                + "WHERE event_id = ?", oldest.id());

        assertThat(store.backlog()).isEqualTo(2);
        assertThat(store.oldestUnpublishedAgeSeconds()).isBetween(90.0, 120.0);
    }

    private OutgoingEvent append(OutgoingEvent event) {
        new TransactionTemplate(new DataSourceTransactionManager(dataSource))
                .executeWithoutResult(status -> store.insertAll(List.of(event)));
        return event;
    }

    private static void setPublishedAt(OutgoingEvent event, String expression) {
        jdbc.update("UPDATE outbox_events SET published_at = " + expression + " WHERE event_id = ?", event.id());
    }
}
